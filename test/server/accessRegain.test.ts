import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusLinkToken } from '../../server/src/appeals/accessRegain';
import { colourIdCard } from '../fixtures/evidence';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 15, item 4: a customer who lost the access code gets back in through the appeal's own contact, and the
// status link in the desk's emails opens the appeal once; an outsider learns nothing and gets nowhere.

let t: TestApp;
let front: string;
let back: string;
let accountSeq = 100_160_000;
let ipSeq = 0;
const nextIp = () => `10.15.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: 'https://help.example.cn', TRUST_PROXY: 'loopback' });
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  front = await colourIdCard(dir, { variant: 1 });
  back = await colourIdCard(dir, { variant: 2 });
});
afterAll(() => t.close());

async function fileOne(contact: Record<string, string> = {}) {
  const payload = mfaUnbindPayload({
    fields: { accountId: String(++accountSeq) },
    contact: { email: `c${accountSeq}@example.cn`, phone: `137${String(accountSeq).slice(-8)}`, ...contact },
  });
  const res = await request(t.app)
    .post('/api/public/appeals')
    .set('X-Forwarded-For', nextIp())
    .field('payload', JSON.stringify(payload))
    .attach('applicant_id_front', front)
    .attach('applicant_id_back', back);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference } });
  return { reference: res.body.reference as string, token: res.body.accessToken as string, ticket };
}

const askCode = (reference: string, body: object = {}, ip = nextIp()) =>
  request(t.app).post(`/api/public/appeals/${reference}/access-codes`).set('X-Forwarded-For', ip).send(body);
const tryCode = (reference: string, code: string, ip = nextIp()) =>
  request(t.app).post(`/api/public/appeals/${reference}/access-codes/verify`).set('X-Forwarded-For', ip).send({ code });
const open = (reference: string, token: string) =>
  request(t.app).get(`/api/public/appeals/${reference}`).set('X-Forwarded-For', nextIp()).set('Authorization', `Bearer ${token}`);

/** The newest one-time code the outbox holds for the ticket, and where it went. */
async function sentCode(ticketId: number) {
  const n = await t.db.notification.findFirstOrThrow({ where: { ticketId, secret: true }, orderBy: { id: 'desc' } });
  return { code: /\b(\d{6})\b/.exec(n.body)![1]!, channel: n.channel, recipient: n.recipient };
}
const wrongFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/public/appeals/:reference/access-codes', () => {
  it('answers an unknown reference exactly as a real one, and sends nothing for it', async () => {
    const { reference, ticket } = await fileOne();
    const notices = await t.db.notification.count();
    const real = await askCode(reference);
    const unknown = await askCode('AP-20990101-9999');
    const garbage = await askCode('not-a-reference');
    for (const r of [real, unknown, garbage]) {
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ expiresInSeconds: 600 });
      expect(
        Object.keys(r.headers)
          .filter((h) => !['date', 'etag', 'x-response-time'].includes(h))
          .sort(),
      ).toEqual(
        Object.keys(real.headers)
          .filter((h) => !['date', 'etag', 'x-response-time'].includes(h))
          .sort(),
      );
    }
    expect(unknown.headers['content-length']).toBe(real.headers['content-length']);
    expect(await t.db.notification.count()).toBe(notices + 1);
    const sent = await sentCode(ticket.id);
    expect(sent).toMatchObject({ channel: 'email', recipient: ticket.contactEmail });
    // Only an HMAC of the code is kept.
    const challenge = await t.db.accessCodeChallenge.findFirstOrThrow({ where: { reference } });
    expect(JSON.stringify(challenge)).not.toContain(sent.code);
  });

  it('sends to the phone when asked, and an agent sees the outbox row redacted', async () => {
    const { reference, ticket } = await fileOne();
    expect((await askCode(reference, { channel: 'sms' })).status).toBe(202);
    expect(await sentCode(ticket.id)).toMatchObject({ channel: 'sms', recipient: ticket.contactPhone });
    const agent = await signedInAs(t, 'agent');
    const listed = await agent.client.get(`/api/notifications?filter=${encodeURIComponent(JSON.stringify({ ticketId: ticket.id }))}`);
    expect(JSON.stringify(listed.body)).not.toContain((await sentCode(ticket.id)).code);
  });

  it('gives a new access token for the right code; the old token and the used code stop working', async () => {
    const { reference, token, ticket } = await fileOne();
    expect((await open(reference, token)).status).toBe(200);
    await askCode(reference);
    const { code } = await sentCode(ticket.id);
    const regained = await tryCode(reference, code);
    expect(regained.status).toBe(200);
    expect(regained.body.reference).toBe(reference);
    expect(regained.body.accessToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(regained.body.accessToken).not.toBe(token);
    expect((await open(reference, regained.body.accessToken)).status).toBe(200);
    expect((await open(reference, token)).status).toBe(404);
    const again = await tryCode(reference, code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('CODE_EXPIRED');
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'access.regained' } })).toBe(1);
  });

  it('locks the code after five wrong tries, the right code included, and 30 parallel guesses get no more than five', async () => {
    const { reference, token, ticket } = await fileOne();
    await askCode(reference);
    const { code } = await sentCode(ticket.id);
    for (let left = 4; left >= 1; left--) {
      const wrong = await tryCode(reference, wrongFor(code));
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ code: 'CODE_INVALID', attemptsLeft: left });
    }
    const fifth = await tryCode(reference, wrongFor(code));
    expect(fifth.status).toBe(401);
    const right = await tryCode(reference, code);
    expect(right.status).toBe(401);
    expect(right.body.code).toBe('CODE_EXPIRED');
    expect((await open(reference, token)).status).toBe(200);

    await askCode(reference);
    const fresh = await sentCode(ticket.id);
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        tryCode(reference, String(i).padStart(6, '0') === fresh.code ? wrongFor(fresh.code) : String(i).padStart(6, '0')),
      ),
    );
    expect(guesses.filter((g) => g.status === 400).length).toBeLessThanOrEqual(4);
    expect(
      guesses.map((g) => g.status).filter((s) => s !== 400 && s !== 401),
      JSON.stringify(guesses.filter((g) => g.status >= 402).map((g) => g.body)),
    ).toEqual([]);
    const challenge = await t.db.accessCodeChallenge.findFirstOrThrow({ where: { reference }, orderBy: { createdAt: 'desc' } });
    expect(challenge.attempts).toBe(5);
    expect((await tryCode(reference, fresh.code)).status).toBe(401);
  });

  it('fails a code for an unknown reference like a wrong one', async () => {
    await askCode('AP-20990101-9998');
    const res = await tryCode('AP-20990101-9998', '123456');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CODE_INVALID');
    expect((await tryCode('AP-20990101-9997', '123456')).status).toBe(401);
    expect((await tryCode('AP-20990101-9997', '12345x')).status).toBe(400);
  });

  it('limits codes per reference (known or not) and per address', async () => {
    for (const reference of [(await fileOne()).reference, 'AP-20990101-9996']) {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await askCode(reference)).status);
      expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    }
    const ip = nextIp();
    const fromOne = [];
    for (let i = 0; i < 11; i++) fromOne.push((await askCode(`AP-20990102-${String(i).padStart(4, '0')}`, {}, ip)).status);
    expect(fromOne.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(fromOne[10]).toBe(429);
  });
});

describe('POST /api/public/appeals/:reference/status-link/exchange', () => {
  const exchange = (reference: string, token: string) =>
    request(t.app).post(`/api/public/appeals/${reference}/status-link/exchange`).set('X-Forwarded-For', nextIp()).send({ token });

  it('opens the appeal from the link in the filing email once, and the old access token stops working', async () => {
    const { reference, token, ticket } = await fileOne();
    const email = await t.db.notification.findFirstOrThrow({
      where: { ticketId: ticket.id, channel: 'email', subject: { contains: reference } },
    });
    const link = /https:\/\/help\.example\.cn\/appeal\/status\?ref=([^#\s]+)#link=([A-Za-z0-9._-]+)/.exec(email.body);
    expect(link).not.toBeNull();
    expect(decodeURIComponent(link![1]!)).toBe(reference);

    const first = await exchange(reference, link![2]!);
    expect(first.status).toBe(200);
    expect(first.body.reference).toBe(reference);
    expect((await open(reference, first.body.accessToken)).status).toBe(200);
    expect((await open(reference, token)).status).toBe(404);

    const second = await exchange(reference, link![2]!);
    expect(second.status).toBe(401);
    expect(second.body.code).toBe('LINK_INVALID');
    expect((await open(reference, first.body.accessToken)).status).toBe(200);
    // Nothing of the link but its hash is kept.
    expect(JSON.stringify(await t.db.statusLinkUse.findMany())).not.toContain(link![2]!);

    // An agent reading the outbox does not get the link's token.
    const agent = await signedInAs(t, 'agent');
    const listed = await agent.client.get(`/api/notifications?filter=${encodeURIComponent(JSON.stringify({ ticketId: ticket.id }))}`);
    expect(JSON.stringify(listed.body)).not.toContain(link![2]!);
  });

  it('refuses a link for another appeal, an altered one and an expired one', async () => {
    const a = await fileOne();
    const b = await fileOne();
    const forA = statusLinkToken(t.config.identityHashKey, a.reference);
    expect((await exchange(b.reference, forA)).status).toBe(401);
    const altered = forA.slice(0, -2) + (forA.endsWith('AA') ? 'BB' : 'AA');
    expect((await exchange(a.reference, altered)).status).toBe(401);
    const old = statusLinkToken(t.config.identityHashKey, a.reference, Date.now() - 8 * 24 * 3600_000);
    expect((await exchange(a.reference, old)).status).toBe(401);
    expect((await exchange(a.reference, statusLinkToken('another key of sixteen chars', a.reference))).status).toBe(401);
    expect((await open(a.reference, a.token)).status).toBe(200);
    expect((await open(b.reference, b.token)).status).toBe(200);
    expect((await exchange(a.reference, forA)).status).toBe(200);
  });
});
