import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { createDb } from '../../server/src/db/client';
import { openReader } from '../../server/src/db/reader';
import { closeLiveStreams } from '../../server/src/live/hub';
import { fileAppeal, makeAccount } from './support/desk';
import { listen, openStream, type LiveStream } from './support/liveStream';
import { adultId } from './support/payloads';
import { createTestApp, makeAgent, testPassword, type TestApp } from './support/testApp';

// Issue 14: two agents on one ticket see each other, and a change made through one server process reaches the
// console of an agent connected to another, because every process reads the one database they share.

let t: TestApp;
let b: { app: ReturnType<typeof createApp>; close: () => Promise<void> };
let serverA: Awaited<ReturnType<typeof listen>>;
let serverB: Awaited<ReturnType<typeof listen>>;
const streams: LiveStream[] = [];

type Signed = { id: number; name: string; cookie: string };

async function signIn(name: string, role: 'agent' | 'supervisor' = 'agent'): Promise<Signed> {
  const agent = await makeAgent(t.db, role, { name });
  const res = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword }).expect(200);
  const cookie = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  return { id: agent.id, name, cookie };
}

const customer = { name: '欧阳娜娜', phone: '13712345678', email: 'ouyang.nana@example.cn' };

/** An appeal filed by the customer through the public form, assigned to `assignee`. */
async function appealFor(assignee: Signed) {
  const a = await makeAccount(t);
  const filed = await fileAppeal(t, {
    kind: 'mfa_unbind',
    subjectType: 'personal',
    fields: { loginAccount: a.uin, accountId: a.uin, realName: customer.name, idNumber: adultId, currentPhone: customer.phone },
    contact: customer,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const ticket = await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } });
  await request(t.app).post(`/api/tickets/${ticket.id}/assign`).set('Cookie', assignee.cookie).send({ agentId: assignee.id }).expect(200);
  return { id: ticket.id, reference: ticket.reference, token: filed.body.accessToken as string };
}

const customerWrites = (reference: string, token: string, body: string) =>
  request(t.app).post(`/api/public/appeals/${reference}/messages`).set('Authorization', `Bearer ${token}`).send({ body }).expect(201);

/** A stream on one of the two servers, open and greeted (the first read of its poller is done). */
async function subscribe(url: string, who: Signed) {
  const stream = openStream(`${url}/api/live`, who.cookie);
  streams.push(stream);
  await stream.next('hello');
  return stream;
}

beforeAll(async () => {
  t = await createTestApp({ LIVE_POLL_MS: '100', LIVE_KEEPALIVE_MS: '300' });
  // A second process's app: its own Prisma client and reader on the same database file (or PostgreSQL database).
  const db = await createDb(t.databaseUrl);
  const reader = openReader(t.databaseUrl);
  b = {
    app: createApp({ db, reader, config: t.config, log: pino({ level: 'silent' }), store: t.store }),
    close: async () => {
      await reader.close();
      await db.$disconnect();
    },
  };
  serverA = await listen(t.app);
  serverB = await listen(b.app);
});
afterAll(async () => {
  for (const s of streams) s.close();
  closeLiveStreams();
  await serverA.close();
  await serverB.close();
  await b.close();
  await t.close();
});

describe('PUT /api/tickets/:id/presence', () => {
  it('shows who else has the ticket open and whether they are replying, and forgets who left or went quiet', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜');
    const { id } = await appealFor(zhang);
    const seen = await request(t.app).put(`/api/tickets/${id}/presence`).set('Cookie', zhang.cookie).send({ mode: 'viewing' }).expect(200);
    expect(seen.body.agents).toEqual([{ agentId: zhang.id, name: '张伟', mode: 'viewing' }]);

    const both = await request(b.app).put(`/api/tickets/${id}/presence`).set('Cookie', li.cookie).send({ mode: 'replying' }).expect(200);
    expect(both.body.agents).toEqual(
      [
        { agentId: zhang.id, name: '张伟', mode: 'viewing' },
        { agentId: li.id, name: '李娜', mode: 'replying' },
      ].sort((x, y) => x.agentId - y.agentId),
    );

    await request(t.app).delete(`/api/tickets/${id}/presence`).set('Cookie', li.cookie).expect(200);
    // A heartbeat older than half a minute: the laptop was closed without saying goodbye.
    await t.db.ticketPresence.updateMany({ where: { ticketId: id, agentId: zhang.id }, data: { seenAt: new Date(Date.now() - 31_000) } });
    const gone = await request(t.app).put(`/api/tickets/${id}/presence`).set('Cookie', li.cookie).send({ mode: 'viewing' }).expect(200);
    expect(gone.body.agents).toEqual([{ agentId: li.id, name: '李娜', mode: 'viewing' }]);
  });

  it('refuses a mode it does not know, an unknown ticket, and anyone not signed in', async () => {
    const zhang = await signIn('张伟');
    const { id } = await appealFor(zhang);
    const bad = await request(t.app).put(`/api/tickets/${id}/presence`).set('Cookie', zhang.cookie).send({ mode: 'editing' }).expect(400);
    expect(bad.body.code).toBe('INVALID_INPUT');
    expect(bad.body.errors.mode).toBeTruthy();
    const unknown = await request(t.app)
      .put('/api/tickets/99999999/presence')
      .set('Cookie', zhang.cookie)
      .send({ mode: 'viewing' })
      .expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const anonymous = await request(t.app).put(`/api/tickets/${id}/presence`).send({ mode: 'viewing' }).expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(await t.db.ticketPresence.count({ where: { ticketId: id } })).toBe(0);
  });
});

describe('GET /api/live', () => {
  it('answers 401 without a session, as JSON', async () => {
    const res = await request(t.app).get('/api/live').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('is an uncached event stream with a keep-alive comment', async () => {
    const zhang = await signIn('张伟');
    const stream = await subscribe(serverA.url, zhang);
    const res = await stream.response;
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toContain('no-cache');
    expect(res.headers['cache-control']).toContain('no-store');
    await stream.until(() => stream.raw.includes(': keep-alive\n\n'), 'a keep-alive comment');
    stream.close();
  });

  it('tells a subscriber of server B of a decision made through server A, with its version and who made it', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜');
    const { id } = await appealFor(zhang);
    const onB = await subscribe(serverB.url, li);
    const from = onB.frames.length;

    const moved = await request(serverA.url)
      .post(`/api/tickets/${id}/transition`)
      .set('Cookie', zhang.cookie)
      .send({ to: 'in_review' })
      .expect(200);
    const change = await onB.next<{ ticketId: number; version: number }>('ticket', (d) => d.ticketId === id, from);
    expect(change.data).toEqual({
      ticketId: id,
      version: moved.body.version,
      type: 'ticket.transitioned',
      actorType: 'agent',
      agentId: zhang.id,
      assigneeId: zhang.id,
    });
    onB.close();
  });

  it('tells a subscriber of server A who opened the ticket on server B, and when they leave', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜');
    const { id } = await appealFor(zhang);
    const onA = await subscribe(serverA.url, zhang);
    const from = onA.frames.length;

    await request(serverB.url).put(`/api/tickets/${id}/presence`).set('Cookie', li.cookie).send({ mode: 'replying' }).expect(200);
    const here = await onA.next<{ ticketId: number; agents: unknown[] }>('presence', (d) => d.ticketId === id && d.agents.length > 0, from);
    expect(here.data.agents).toEqual([{ agentId: li.id, name: '李娜', mode: 'replying' }]);

    await request(serverB.url).delete(`/api/tickets/${id}/presence`).set('Cookie', li.cookie).expect(200);
    await onA.next<{ ticketId: number; agents: unknown[] }>('presence', (d) => d.ticketId === id && d.agents.length === 0, from);
    onA.close();
  });

  it('greets a new subscriber with who is on which ticket now', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜');
    const { id } = await appealFor(zhang);
    await request(t.app).put(`/api/tickets/${id}/presence`).set('Cookie', zhang.cookie).send({ mode: 'viewing' }).expect(200);
    const stream = openStream(`${serverB.url}/api/live`, li.cookie);
    streams.push(stream);
    const hello = await stream.next<{ presence: { ticketId: number; agents: unknown[] }[] }>('hello');
    expect(hello.data.presence.find((p) => p.ticketId === id)?.agents).toEqual([{ agentId: zhang.id, name: '张伟', mode: 'viewing' }]);
    stream.close();
  });

  it("carries no personal data: not the customer's name, phone, email, ID number or message", async () => {
    const zhang = await signIn('张伟');
    const { id, reference, token } = await appealFor(zhang);
    const stream = await subscribe(serverB.url, zhang);
    const from = stream.frames.length;
    await customerWrites(reference, token, `我是${customer.name}，电话 ${customer.phone}，身份证 ${adultId}`);
    const change = await stream.next<{ ticketId: number; actorType: string }>(
      'ticket',
      (d) => d.ticketId === id && d.actorType === 'customer',
      from,
    );
    expect(change.data).toMatchObject({ type: 'message.added', actorType: 'customer', agentId: null });
    for (const secret of [customer.name, customer.phone, customer.email, adultId, adultId.slice(-4), '电话'])
      expect(stream.raw).not.toContain(secret);
    stream.close();
  });

  it('ends when the agent signs out, also on the other server', async () => {
    const zhang = await signIn('张伟');
    const stream = await subscribe(serverB.url, zhang);
    await request(serverA.url).post('/api/auth/logout').set('Cookie', zhang.cookie).expect(204);
    await stream.closed();
    expect(stream.ended).toBe(true);
  });

  it('ends when the agent is deactivated', async () => {
    const zhang = await signIn('张伟');
    const stream = await subscribe(serverA.url, zhang);
    await t.db.agent.update({ where: { id: zhang.id }, data: { active: false } });
    await stream.closed();
  });

  it('ends every stream when the server shuts down', async () => {
    const zhang = await signIn('张伟');
    const stream = await subscribe(serverA.url, zhang);
    closeLiveStreams();
    await stream.closed();
  });
});

describe('unread for the assignee and the bell', () => {
  const rowOf = async (who: Signed, id: number) => {
    const list = await request(t.app)
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ id: [id] }) })
      .set('Cookie', who.cookie)
      .expect(200);
    return list.body.find((r: { id: number }) => r.id === id) as { unread: boolean; customerActivityAt: string | null };
  };
  const bell = async (who: Signed) =>
    (await request(t.app).get('/api/live/unread').set('Cookie', who.cookie).expect(200)).body as {
      count: number;
      items: { ticketId: number; reference: string; kind: string; activity: string; at: string }[];
    };

  it('a customer reply marks the ticket unread for its assignee only, rings the bell, and opening it reads it', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜', 'supervisor');
    const { id, reference, token } = await appealFor(zhang);
    expect((await rowOf(zhang, id)).unread).toBe(false);
    expect((await bell(zhang)).count).toBe(0);

    await customerWrites(reference, token, '我补充一下情况');
    expect((await rowOf(zhang, id)).unread).toBe(true);
    expect((await rowOf(li, id)).unread).toBe(false);
    const rung = await bell(zhang);
    expect(rung.count).toBe(1);
    expect(rung.items).toEqual([
      { ticketId: id, reference, kind: 'mfa_unbind', status: expect.any(String), activity: 'message.added', at: expect.any(String) },
    ]);
    expect((await bell(li)).count).toBe(0);

    await request(t.app).put(`/api/tickets/${id}/read`).set('Cookie', zhang.cookie).send({}).expect(200);
    expect((await rowOf(zhang, id)).unread).toBe(false);
    expect((await bell(zhang)).count).toBe(0);

    // What the customer does after the agent looked is new again.
    await customerWrites(reference, token, '还有一件事');
    expect((await rowOf(zhang, id)).unread).toBe(true);
    expect((await bell(zhang)).items.map((i) => i.ticketId)).toEqual([id]);
  });

  it("an agent's own reply leaves the ticket read", async () => {
    const zhang = await signIn('张伟');
    const { id } = await appealFor(zhang);
    await request(t.app)
      .post('/api/messages')
      .set('Cookie', zhang.cookie)
      .send({ ticketId: id, kind: 'internal_note', body: '已核对' })
      .expect(201);
    expect((await rowOf(zhang, id)).unread).toBe(false);
    expect((await bell(zhang)).count).toBe(0);
  });

  it('no other agent can write my read marks, and nobody signed out can read the bell', async () => {
    const zhang = await signIn('张伟');
    const li = await signIn('李娜', 'supervisor');
    const { id, reference, token } = await appealFor(zhang);
    await customerWrites(reference, token, '请尽快处理');

    const forged = await request(t.app).put(`/api/tickets/${id}/read`).set('Cookie', li.cookie).send({ agentId: zhang.id }).expect(400);
    expect(forged.body.code).toBe('INVALID_INPUT');
    // Li's own mark is Li's: Zhang's ticket stays unread for Zhang.
    await request(t.app).put(`/api/tickets/${id}/read`).set('Cookie', li.cookie).send({}).expect(200);
    expect((await rowOf(zhang, id)).unread).toBe(true);
    expect((await bell(zhang)).count).toBe(1);

    await request(t.app).put(`/api/tickets/${id}/read`).send({}).expect(401);
    await request(t.app).get('/api/live/unread').expect(401);
    await request(t.app).put('/api/tickets/99999999/read').set('Cookie', zhang.cookie).send({}).expect(404);
  });
});
