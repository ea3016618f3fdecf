import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { startServerProcess } from './support/serverProcess';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-shutdown-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SIGTERM', () => {
  it('finishes an upload in flight, refuses new connections, then exits cleanly', async () => {
    const server = await startServerProcess(dir);
    const photo = fs.readFileSync(await colourIdCard(dir, { variant: 1 }));
    const boundary = 'helpdesk-shutdown-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n${JSON.stringify(mfaUnbindPayload())}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="applicant_id_front"; filename="front.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const req = http.request(`${server.url}/api/public/appeals`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + photo.length + tail.length },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    // Half the file, and the server is writing it to its incoming folder: the upload is in flight.
    req.write(head);
    req.write(photo.subarray(0, photo.length >> 1));
    const incoming = path.join(dir, 'uploads', '.incoming');
    await vi.waitFor(
      () =>
        expect(fs.existsSync(incoming) && fs.readdirSync(incoming).some((f) => fs.statSync(path.join(incoming, f)).size > 0)).toBe(true),
      { timeout: 20_000, interval: 20 },
    );
    server.child.kill('SIGTERM');
    // New connections are refused while the upload still waits for its second half.
    await vi.waitFor(
      async () =>
        expect(
          await fetch(`${server.url}/api/health`).then(
            () => 'answered',
            () => 'refused',
          ),
        ).toBe('refused'),
      { timeout: 20_000, interval: 20 },
    );
    req.write(photo.subarray(photo.length >> 1));
    req.end(tail);
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body).reference).toMatch(/^AP-/);
    expect(await server.exited).toBe(0);
  }, 60_000);
});
