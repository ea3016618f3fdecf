import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeAccessRecords } from '../../server/src/appeals/accessRegain';
import { colourIdCard } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 15, item 2: the server accepted an appeal, the phone never got the answer, the form retried.

let t: TestApp;
let front: string;
let back: string;
let otherPhoto: string;
let freshFront: string;
let freshBack: string;
let accountSeq = 100_150_000;

beforeAll(async () => {
  t = await createTestApp();
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(dir, { variant: 1 });
  back = await colourIdCard(dir, { variant: 2 });
  otherPhoto = await colourIdCard(dir, { variant: 3 });
  freshFront = await colourIdCard(dir, { variant: 1, width: 1300, fileName: 'fresh-front.jpg' });
  freshBack = await colourIdCard(dir, { variant: 2, width: 1320, fileName: 'fresh-back.jpg' });
});
afterAll(() => t.close());

function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(t.config.uploadDir, full));
    }
  };
  if (fs.existsSync(t.config.uploadDir)) walk(t.config.uploadDir);
  return out.sort();
}

const newKey = () => `k-${randomUUID()}`;
const payloadFor = (accountId = String(++accountSeq), contact: Record<string, string> = {}) =>
  JSON.stringify(mfaUnbindPayload({ fields: { accountId }, contact }));

function file(
  payload: string,
  key: string | null,
  photos: Record<string, string> = { applicant_id_front: front, applicant_id_back: back },
) {
  let req = request(t.app).post('/api/public/appeals').field('payload', payload);
  if (key !== null) req = req.set('Idempotency-Key', key);
  for (const [slot, f] of Object.entries(photos)) req = req.attach(slot, f);
  return req;
}

const ticketsOf = (accountUin: string) => t.db.ticket.count({ where: { accountUin } });
const uinOf = (payload: string) => (JSON.parse(payload) as { fields: { accountId: string } }).fields.accountId;

describe('POST /api/public/appeals with an Idempotency-Key', () => {
  it('answers a retry with the first answer: the same reference and a token that opens it, one ticket, one set of notices, no file more on disk', async () => {
    const payload = payloadFor();
    const key = newKey();
    const first = await file(payload, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const notices = await t.db.notification.count();
    const events = await t.db.event.count();
    const onDisk = filesOnDisk();

    const retry = await file(payload, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.reference).toBe(first.body.reference);
    expect(retry.body.accessToken).toBe(first.body.accessToken);
    expect(retry.body.status).toBe('new');
    expect(retry.body.checklist).toEqual(first.body.checklist);
    expect(await ticketsOf(uinOf(payload))).toBe(1);
    expect(await t.db.notification.count()).toBe(notices);
    expect(await t.db.event.count()).toBe(events);
    expect(await t.db.evidence.count({ where: { ticket: { reference: first.body.reference } } })).toBe(2);
    expect(filesOnDisk()).toEqual(onDisk);

    const opened = await request(t.app)
      .get(`/api/public/appeals/${retry.body.reference}`)
      .set('Authorization', `Bearer ${retry.body.accessToken}`);
    expect(opened.status).toBe(200);
    // Only the key's hash and a sealed token are kept.
    const record = await t.db.filingKey.findFirstOrThrow({ where: { reference: first.body.reference } });
    expect(JSON.stringify(record)).not.toContain(key);
    expect(record.sealedToken).not.toContain(first.body.accessToken);
  });

  it('files one ticket when the same filing arrives ten times at once, and leaves no file of the losers behind', async () => {
    const payload = payloadFor();
    const key = newKey();
    const before = filesOnDisk().length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => file(payload, key, { applicant_id_front: freshFront, applicant_id_back: freshBack })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.accessToken)).size).toBe(1);
    expect(await ticketsOf(uinOf(payload))).toBe(1);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: answers[0]!.body.reference } });
    expect(await t.db.notification.count({ where: { ticketId: ticket.id } })).toBe(2);
    expect(filesOnDisk().length).toBe(before + 2);
    expect(filesOnDisk().filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('refuses the same key with a different payload or different files: 422 IDEMPOTENCY_KEY_REUSED, nothing filed', async () => {
    const payload = payloadFor();
    const key = newKey();
    const first = await file(payload, key);
    expect(first.status).toBe(201);
    const notices = await t.db.notification.count();
    const onDisk = filesOnDisk();

    const otherAccount = payloadFor();
    const reused = await file(otherAccount, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.reference).toBeUndefined();
    expect(reused.body.accessToken).toBeUndefined();
    expect(await ticketsOf(uinOf(otherAccount))).toBe(0);

    const otherFile = await file(payload, key, { applicant_id_front: otherPhoto, applicant_id_back: back });
    expect(otherFile.status).toBe(422);
    expect(otherFile.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ticketsOf(uinOf(payload))).toBe(1);
    expect(await t.db.notification.count()).toBe(notices);
    expect(filesOnDisk()).toEqual(onDisk);
  });

  it('refuses a malformed key with 400 INVALID_IDEMPOTENCY_KEY before reading the upload', async () => {
    for (const bad of ['short', 'x'.repeat(101), 'has spaces in it here', 'semi;colons;are;not;ok', 'ключ-ключ-ключ-ключ']) {
      const payload = payloadFor();
      // No file parts: the answer comes before the upload is read, and a large body would meet a closed socket.
      const res = await file(payload, encodeURIComponent(bad) === bad ? bad : bad.replace(/[^\x20-\x7e]/g, '?'), {});
      expect(res.status, bad).toBe(400);
      expect(res.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
      expect(res.body.errors.idempotencyKey).toBeTruthy();
      expect(await ticketsOf(uinOf(payload))).toBe(0);
    }
    expect(filesOnDisk().filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('files anew without a key, and after the key expired (24 hours) files anew under it', async () => {
    const payload = payloadFor();
    expect((await file(payload, null)).status).toBe(201);
    expect((await file(payload, null)).status).toBe(201);
    expect(await ticketsOf(uinOf(payload))).toBe(2);

    const again = payloadFor();
    const key = newKey();
    const first = await file(again, key);
    await t.db.filingKey.updateMany({ where: { reference: first.body.reference }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await purgeAccessRecords(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.filingKey.count({ where: { reference: first.body.reference } })).toBe(0);
    const later = await file(again, key);
    expect(later.status).toBe(201);
    expect(later.body.reference).not.toBe(first.body.reference);
  });

  it('does not replay a failed filing: a refused appeal retried under its key is judged again, and may then be filed under it', async () => {
    const key = newKey();
    const payload = payloadFor();
    const broken = JSON.stringify({ ...JSON.parse(payload), contact: {} });
    const refused = await file(broken, key);
    expect(refused.status).toBe(400);
    const retried = await file(broken, key);
    expect(retried.status).toBe(400);
    expect(retried.body.code).toBe(refused.body.code);
    const fixed = await file(payload, key);
    expect(fixed.status).toBe(201);
    expect(await ticketsOf(uinOf(payload))).toBe(1);
  });
});

describe('a second open appeal of the same kind for the same account', () => {
  it('is accepted like any other (no oracle), linked for the agents on both tickets, and its filer told of the open one only at the contact that appeal has', async () => {
    const uin = String(++accountSeq);
    const first = await file(payloadFor(uin, { email: 'same.person@example.cn', phone: '13911112222' }), newKey());
    expect(first.status).toBe(201);
    const stranger = await file(payloadFor(uin, { email: 'someone.else@example.net', phone: '13700000000' }), newKey(), {});
    expect(stranger.status).toBe(201);
    expect(Object.keys(stranger.body).sort()).toEqual(Object.keys(first.body).sort());
    expect(JSON.stringify(stranger.body)).not.toContain(first.body.reference);
    const strangerTicket = await t.db.ticket.findUniqueOrThrow({ where: { reference: stranger.body.reference } });
    const strangerMail = await t.db.notification.findMany({ where: { ticketId: strangerTicket.id } });
    expect(strangerMail.map((n) => n.body).join('\n')).not.toContain(first.body.reference);

    const again = await file(payloadFor(uin, { email: 'Same.Person@example.cn', phone: '13699999999' }), newKey());
    expect(again.status).toBe(201);
    const againTicket = await t.db.ticket.findUniqueOrThrow({ where: { reference: again.body.reference } });
    const told = await t.db.notification.findMany({ where: { ticketId: againTicket.id, body: { contains: first.body.reference } } });
    expect(told.map((n) => [n.channel, n.recipient])).toEqual([['email', 'Same.Person@example.cn']]);

    const firstTicket = await t.db.ticket.findUniqueOrThrow({ where: { reference: first.body.reference } });
    const related = await t.db.event.findMany({ where: { ticketId: firstTicket.id, type: 'appeal.related' } });
    expect(related.map((e) => (e.data as { reference: string }).reference).sort()).toEqual(
      [again.body.reference, stranger.body.reference].sort(),
    );

    // Agents see the link on the ticket's events.
    const agent = await signedInAs(t, 'agent');
    const shown = await agent.client.get(`/api/events?filter=${encodeURIComponent(JSON.stringify({ ticketId: againTicket.id }))}`);
    expect(JSON.stringify(shown.body)).toContain('appeal.related');
  });
});
