import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, startChild } from '../../../server/bench/support';
import { createDb, type Db } from '../../../server/src/db/client';
import { launchChromium } from './browser';

export type RunningServer = { url: string; dir: string; stop: () => Promise<void>; output: () => string };

/** Runs `npm start`'s script as a user would: build when needed, migrate, seed demo data, serve. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-e2e-'));
  const port = await freePort();
  const { child, output, exited } = await startChild(
    ['server/scripts/start.mjs'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      OUTBOX_DIR: path.join(dir, 'outbox'),
      OUTBOX_INTERVAL_MS: '300',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    },
    'Helpdesk console:',
    { cwd: path.resolve(import.meta.dirname, '../../..'), timeoutMs: 180_000 },
  );
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Desk = { server: RunningServer; browser: Browser; db: Db };

/** For one e2e file: the desk as `npm start` serves it, Debian's Chromium, and the desk's own database. */
export async function startDesk(env: Record<string, string> = {}): Promise<Desk> {
  const server = await startServer(env);
  const browser = await launchChromium();
  const db = await createDb(`file:${path.join(server.dir, 'e2e.db')}`);
  return { server, browser, db };
}

export async function stopDesk(desk: Partial<Desk>): Promise<void> {
  await desk.db?.$disconnect();
  await desk.browser?.close();
  await desk.server?.stop();
}
