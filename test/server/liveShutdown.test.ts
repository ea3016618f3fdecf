import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords';
import { createDb } from '../../server/src/db/client';
import { openStream } from './support/liveStream';
import { startServerProcess } from './support/serverProcess';
import { testPassword } from './support/testApp';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-live-shutdown-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SIGTERM with consoles listening', () => {
  it('ends the live streams and exits cleanly, without waiting for the grace period', async () => {
    // A grace period longer than the test: an exit within it means the open stream did not hold the server.
    const server = await startServerProcess(dir, { SHUTDOWN_GRACE_MS: '120000' });
    const db = await createDb(`file:${path.join(dir, 'server.db')}`);
    const agent = await db.agent.create({
      data: { email: 'live@test.example', name: '张伟', role: 'agent', passwordHash: await hashPassword(testPassword) },
    });
    await db.$disconnect();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password: testPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const stream = openStream(`${server.url}/api/live`, cookie);
    await stream.next('hello');

    server.child.kill('SIGTERM');
    await stream.closed();
    expect(await server.exited).toBe(0);
  }, 60_000);
});
