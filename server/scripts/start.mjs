#!/usr/bin/env node
// `npm start`: builds the console when its sources are newer than the build, then runs the server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const built = path.join(root, 'dist/admin-ui/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = path.join(root, 'admin-ui');
const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestMtime(sources);
if (stale) {
  console.log('Building the console…');
  // Always a production build (React's development build is twice the size), then the bundle budgets.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npx', ['vite', 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  const report = spawnSync(process.execPath, [path.join(root, 'server/scripts/bundle-report.mjs')], { cwd: root, stdio: 'inherit', env });
  if (report.status !== 0) process.exit(report.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
