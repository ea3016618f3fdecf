#!/usr/bin/env node
// Runs a command beside a PostgreSQL cluster of its own: a temporary folder, a free loopback port, trust auth,
// stopped afterwards whatever the command did. The command gets TEST_POSTGRES_URL (the server, no database).
//   node server/scripts/with-postgres.mjs npx vitest run --project server
// Without PostgreSQL installed it says so and exits 0, except under CI=true, where it fails.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function findBin(name) {
  const dirs = [
    ...(process.env.PATH ?? '').split(':'),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  return dirs.map((d) => path.join(d, name)).find((p) => fs.existsSync(p));
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node server/scripts/with-postgres.mjs <command> [args...]');
  process.exit(2);
}
const initdb = findBin('initdb');
const pgCtl = findBin('pg_ctl');
if (!initdb || !pgCtl) {
  const message =
    'PostgreSQL (initdb, pg_ctl) is not installed: the PostgreSQL suites did not run. `apt-get install -y postgresql` provides it.';
  if (process.env.CI === 'true') {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

// initdb refuses root: the cluster then belongs to the postgres user.
const asRoot = process.getuid?.() === 0;
const run = (bin, args, options = {}) =>
  asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], options) : execFileSync(bin, args, options);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-pg-'));
if (asRoot) {
  fs.chmodSync(dir, 0o755);
  execFileSync('chown', ['postgres', dir]);
}
const port = await freePort();
const data = path.join(dir, 'data');
let started = false;
function stop() {
  if (started) {
    try {
      run(pgCtl, ['-D', data, '-m', 'fast', 'stop'], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    started = false;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

let status = 1;
try {
  run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], { stdio: 'ignore' });
  // A test cluster: durability traded for speed, as the data is thrown away.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'], { stdio: 'ignore' });
  started = true;
  const url = `postgresql://postgres@127.0.0.1:${port}`;
  console.log(`${execFileSync(initdb, ['--version'], { encoding: 'utf8' }).trim()}: a test cluster on ${url}`);
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, TEST_POSTGRES_URL: url } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
} catch (err) {
  console.error(String(err));
  const log = path.join(dir, 'log');
  if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8'));
} finally {
  stop();
}
process.exit(status);
