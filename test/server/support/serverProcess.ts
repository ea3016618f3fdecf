import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort, startChild } from '../../../server/bench/support';

const root = path.resolve(import.meta.dirname, '../../..');

export type ServerProcess = { url: string; port: number; child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** The real server in a process of its own (production mode: no demo data), for kill and shutdown tests. */
export async function startServerProcess(dir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const started = await startChild(
    ['--import', 'tsx', path.join(root, 'server/src/main.ts')],
    {
      NODE_ENV: 'production',
      IDENTITY_HASH_KEY: 'test-identity-hash-key-0123456789',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'server.db')}`,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      OUTBOX_DIR: path.join(dir, 'outbox'),
      LOG_LEVEL: 'warn',
      APPEALS_PER_HOUR: '100000',
      APPEALS_PER_DAY: '100000',
      COOKIE_SECURE: 'false',
      // These suites are about processes, crashes and shutdowns: their supervisors sign in with a password alone.
      REQUIRE_2FA: '',
      LOGIN_ATTEMPTS_PER_ADDRESS: '10000',
      ...env,
    },
    'Helpdesk console:',
    { cwd: root, timeoutMs: 60_000 },
  );
  return { url: `http://127.0.0.1:${port}`, port, ...started };
}
