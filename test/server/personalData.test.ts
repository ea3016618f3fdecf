import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeClosedEvidence } from '../../server/src/maintenance/retention';
import { sweepStorage } from '../../server/src/maintenance/storageSweep';
import { colourIdCard } from '../fixtures/evidence';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let files: string;
let admin: Awaited<ReturnType<typeof signedInAs>>;
let agent: Awaited<ReturnType<typeof signedInAs>>;
let n = 0;

async function appeal(contact: { name: string; email: string; phone?: string }) {
  n += 1;
  const front = await colourIdCard(files, { variant: n % 3, width: 1300 + n * 10, fileName: `front-${n}.jpg` });
  const res = await request(t.app).post('/api/public/appeals').field('payload', JSON.stringify(mfaUnbindPayload({ contact })))
    .attach('applicant_id_front', front);
  expect(res.status).toBe(201);
  return t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference }, include: { evidence: true } });
}

beforeAll(async () => {
  t = await createTestApp();
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  admin = await signedInAs(t, 'admin');
  agent = await signedInAs(t, 'agent');
});
afterAll(() => t.close());

describe('identity numbers', () => {
  it('are kept only as a keyed hash and the last four characters', async () => {
    const ticket = await appeal({ name: '张伟', email: 'keep@example.cn' });
    const raw = await t.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Ticket" WHERE "id" = ${ticket.id}`;
    expect(JSON.stringify(raw)).not.toContain(adultId);
    expect(JSON.stringify(raw)).toContain(adultId.slice(-4));
  });
});

describe('retention', () => {
  it('purges the files of tickets closed long ago; the ticket and its findings stay', async () => {
    const old = await appeal({ name: '王芳', email: 'old@example.cn' });
    const recent = await appeal({ name: '李娜', email: 'recent@example.cn' });
    await t.db.ticket.update({ where: { id: old.id }, data: { status: 'closed', closedAt: new Date(Date.now() - 200 * 86_400_000) } });
    await t.db.ticket.update({ where: { id: recent.id }, data: { status: 'closed', closedAt: new Date(Date.now() - 5 * 86_400_000) } });
    const purged = await purgeClosedEvidence(t.db, t.store, 180);
    expect(purged).toBe(1);
    const after = await t.db.evidence.findFirstOrThrow({ where: { ticketId: old.id } });
    expect(after.purgedAt).not.toBeNull();
    expect((after.findings as unknown[]).length).toBeGreaterThan(0);
    expect(await t.store.exists(after.storageKey)).toBe(false);
    expect(await t.store.exists(recent.evidence[0]!.storageKey)).toBe(true);
    expect((await admin.client.get(`/api/files/${after.id}`)).status).toBe(404);
    expect(await t.db.event.count({ where: { ticketId: old.id, type: 'evidence.purged' } })).toBe(1);
  });
});

describe('a customer\'s data on request', () => {
  it('exports everything about their appeals, internal notes excluded; only admins may', async () => {
    const ticket = await appeal({ name: '赵磊', email: 'export@example.cn', phone: '13811112222' });
    await agent.client.post('/api/messages').send({ ticketId: ticket.id, kind: 'internal_note', body: '内部备注，不导出' }).expect(201);
    await agent.client.post('/api/messages').send({ ticketId: ticket.id, kind: 'public_reply', body: '已收到' }).expect(201);
    expect((await agent.client.post('/api/privacy/export').send({ email: 'export@example.cn' })).status).toBe(403);
    const res = await admin.client.post('/api/privacy/export').send({ phone: '13811112222' });
    expect(res.status).toBe(200);
    expect(res.body.tickets).toHaveLength(1);
    expect(res.body.tickets[0]).toMatchObject({ reference: ticket.reference, contact: { email: 'export@example.cn' } });
    expect(res.body.tickets[0].files).toHaveLength(1);
    expect(JSON.stringify(res.body)).toContain('已收到');
    expect(JSON.stringify(res.body)).not.toContain('内部备注');
  });

  it('erases a closed appeal\'s personal data and files, keeps an open one, and records why', async () => {
    const closed = await appeal({ name: '孙洋', email: 'erase@example.cn' });
    const open = await appeal({ name: '孙洋', email: 'erase@example.cn' });
    await t.db.ticket.update({ where: { id: closed.id }, data: { status: 'closed', closedAt: new Date() } });
    const res = await admin.client.post('/api/privacy/erase').send({ email: 'erase@example.cn', reason: '客户 2026-11-20 来电要求删除' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ erased: [closed.reference], keptOpen: [open.reference] });
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: closed.id } });
    expect(row).toMatchObject({ contactName: '[erased]', contactEmail: null, contactPhone: null, accessTokenHash: null });
    expect(JSON.stringify(row.fields)).not.toMatch(/张伟|\d{4}/);
    expect(await t.store.exists(closed.evidence[0]!.storageKey)).toBe(false);
    const event = await t.db.event.findFirstOrThrow({ where: { ticketId: closed.id, type: 'privacy.erased' } });
    expect(event.reason).toMatch(/删除/);
    expect((await admin.client.post('/api/privacy/erase').send({ email: 'erase@example.cn' })).status).toBe(400);
  });
});

describe('the start-up sweep', () => {
  it('removes stored files no evidence points to and stale uploads, and reports rows whose file is gone', async () => {
    const keep = await appeal({ name: '周杰', email: 'sweep@example.cn' });
    const orphanSource = await colourIdCard(files, { variant: 0, width: 1250, fileName: 'orphan.jpg' });
    const copy = path.join(t.store.incomingDir, 'orphan-in.upload');
    fs.copyFileSync(orphanSource, copy);
    const crypto = await import('node:crypto');
    const key = crypto.createHash('sha256').update(fs.readFileSync(copy)).digest('hex');
    await t.store.put(copy, key);
    const stale = path.join(t.store.incomingDir, 'stale.upload');
    fs.writeFileSync(stale, 'half an upload');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(stale, old, old);
    const missing = await appeal({ name: '周杰', email: 'sweep@example.cn' });
    await t.store.remove(missing.evidence[0]!.storageKey);

    const soon = await sweepStorage(t.db, t.store);
    expect(soon.orphansRemoved).toBe(0); // within the grace period another process may still commit it
    expect(soon.staleUploadsRemoved).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    const report = await sweepStorage(t.db, t.store, 15 * 60_000, new Date(Date.now() + 3600_000));
    expect(report.orphansRemoved).toBe(1);
    expect(report.missingFiles).toContain(missing.evidence[0]!.id);
    expect(await t.store.exists(key)).toBe(false);
    expect(await t.store.exists(keep.evidence[0]!.storageKey)).toBe(true);
  });
});
