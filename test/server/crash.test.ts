import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../server/src/auth/passwords';
import { createDb, type Db } from '../../server/src/db/client';
import { LocalDiskStore } from '../../server/src/storage/localDiskStore';
import { createTicket } from '../../server/src/tickets/createTicket';
import { colourIdCard } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { startServerProcess, type ServerProcess } from './support/serverProcess';

// The server is killed with SIGKILL while appeals and approvals are in flight, then started again.
let dir: string;
let db: Db;
const env = { STORAGE_SWEEP_GRACE_MS: '0', OUTBOX_LEASE_MS: '1000', OUTBOX_INTERVAL_MS: '100' };
const protection = { login: false, operation: false, remoteLogin: false, mfaType: 'none' };
const password = 'a long crash test password';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-crash-'));
});
afterAll(async () => {
  await db?.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(server: ServerProcess, email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function fileAppeal(server: ServerProcess, front: Buffer, back: Buffer) {
  const form = new FormData();
  form.set('payload', JSON.stringify(mfaUnbindPayload()));
  form.set('applicant_id_front', new Blob([new Uint8Array(front)], { type: 'image/jpeg' }), 'front.jpg');
  form.set('applicant_id_back', new Blob([new Uint8Array(back)], { type: 'image/jpeg' }), 'back.jpg');
  return fetch(`${server.url}/api/public/appeals`, { method: 'POST', body: form }).then(
    (r) => r.status,
    () => 0,
  );
}

const post = (server: ServerProcess, cookie: string, url: string, body: object) =>
  fetch(`${server.url}${url}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  }).then(
    (r) => r.status,
    () => 0,
  );
// Cancellation needs four eyes: a supervisor proposes, the admin's confirmation applies the effect.
const propose = (server: ServerProcess, cookie: string, id: number) =>
  post(server, cookie, `/api/tickets/${id}/decision`, { decision: 'approve', message: '账号已注销' });
const approve = (server: ServerProcess, cookie: string, id: number) =>
  post(server, cookie, `/api/tickets/${id}/decision/confirm`, { approve: true });

describe('SIGKILL during submissions and approvals', () => {
  it('leaves no half-made ticket, no orphan file, no effect applied twice, and sends every notice once', async () => {
    const first = await startServerProcess(dir, env);
    db = await createDb(`file:${path.join(dir, 'server.db')}`);
    const admin = await db.agent.create({
      data: { email: 'crash-admin@test.example', name: '管理员', role: 'admin', passwordHash: await hashPassword(password) },
    });
    const supervisor = await db.agent.create({
      data: { email: 'crash-supervisor@test.example', name: '主管', role: 'supervisor', passwordHash: await hashPassword(password) },
    });
    const ticketIds: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const uin = String(300_000_000 + i);
      await db.account.create({
        data: { uin, subjectType: 'unverified', securityEmail: `c${i}@example.cn`, loginMethods: [], protection },
      });
      const t = await createTicket(
        db,
        {
          kind: 'account_cancellation',
          subjectType: 'unverified',
          fields: { accountId: uin },
          contact: { name: '客户', email: `c${i}@example.cn` },
          by: { actorType: 'customer' },
        },
        'test-identity-hash-key-0123456789',
      );
      // The owner proved control with a code sent to the account's security email (no files for an unverified account).
      await db.ticket.update({
        where: { id: t.id },
        data: { status: 'in_review', assigneeId: supervisor.id, ownerVerifiedAt: new Date() },
      });
      ticketIds.push(t.id);
    }
    const cookie = await signIn(first, admin.email);
    const proposer = await signIn(first, supervisor.email);
    for (const id of ticketIds) expect(await propose(first, proposer, id)).toBe(202);
    const photos: Buffer[] = [];
    for (let i = 0; i < 16; i += 1)
      photos.push(fs.readFileSync(await colourIdCard(dir, { variant: i % 3, width: 1200 + i * 16, fileName: `p${i}.jpg` })));

    const inFlight = [
      ...ticketIds.map((id) => approve(first, cookie, id)),
      ...Array.from({ length: 8 }, (_, i) => fileAppeal(first, photos[2 * i]!, photos[2 * i + 1]!)),
    ];
    // Killed once the first approval has committed, while the other approvals and the uploads are still running.
    await vi.waitFor(async () => expect(await db.event.count({ where: { type: 'ticket.decided' } })).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 5,
    });
    first.child.kill('SIGKILL');
    const statuses = await Promise.all(inFlight);
    expect(await first.exited).toBeNull();
    expect(statuses.some((s) => s === 0)).toBe(true); // some requests really were cut off

    const second = await startServerProcess(dir, env);
    try {
      // Approvals: applied wholly or not at all, and never twice.
      const again = await signIn(second, admin.email);
      for (const id of ticketIds) {
        const before = await db.ticket.findUniqueOrThrow({ where: { id } });
        const status = await approve(second, again, id);
        expect(status).toBe(before.status === 'approved' ? 409 : 200);
      }
      for (const id of ticketIds) {
        const t = await db.ticket.findUniqueOrThrow({ where: { id }, include: { account: true } });
        expect(t.status).toBe('approved');
        expect(t.account!.status).toBe('cancelled');
        expect(await db.event.count({ where: { ticketId: id, type: 'ticket.decided' } })).toBe(1);
        expect(await db.event.count({ where: { ticketId: id, type: 'account.changed' } })).toBe(1);
      }

      // Appeals: every ticket has both its files, every file a row, every row its file.
      const store = new LocalDiskStore(path.join(dir, 'uploads'));
      const appeals = await db.ticket.findMany({ where: { kind: 'mfa_unbind' }, include: { evidence: true } });
      for (const a of appeals) expect(a.evidence.length).toBe(2);
      const keys: string[] = [];
      for await (const key of store.keys()) keys.push(key);
      const referenced = new Set((await db.evidence.findMany({ select: { storageKey: true } })).map((e) => e.storageKey));
      expect(keys.filter((k) => !referenced.has(k))).toEqual([]);
      for (const k of referenced) expect(keys).toContain(k);
      expect(fs.readdirSync(store.incomingDir)).toEqual([]);

      // Notices: every one sent, each .eml written once.
      await expect
        .poll(async () => db.notification.count({ where: { status: { not: 'sent' } } }), { timeout: 20_000, interval: 200 })
        .toBe(0);
      const emails = await db.notification.findMany({ where: { channel: 'email' }, select: { id: true } });
      const written = fs.readdirSync(path.join(dir, 'outbox')).filter((f) => f.endsWith('.eml'));
      expect(written.sort()).toEqual(emails.map((e) => `${e.id}.eml`).sort());
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
