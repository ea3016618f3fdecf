import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export type ServerProcess = { url: string; port: number; child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** The real server in a process of its own (production mode: no demo data), for kill and shutdown tests. */
export async function startServerProcess(dir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env, NODE_ENV: 'production', IDENTITY_HASH_KEY: 'test-identity-hash-key-0123456789', PORT: String(port), HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'server.db')}`, UPLOAD_DIR: path.join(dir, 'uploads'), OUTBOX_DIR: path.join(dir, 'outbox'),
      LOG_LEVEL: 'warn', APPEALS_PER_HOUR: '100000', APPEALS_PER_DAY: '100000', COOKIE_SECURE: 'false', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    const check = () => {
      if (log.includes('Helpdesk console:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, port, child, output: () => log, exited };
}
