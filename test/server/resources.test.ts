import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;
let supervisor: Awaited<ReturnType<typeof signedInAs>>;
let admin: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.close());

describe('accounts', () => {
  it('rule: the directory shows names and identity numbers masked, the ID number kept only to be matched — shows identifiers masked and never the identity hash', async () => {
    const account = await t.db.account.create({
      data: {
        uin: '100012345',
        subjectType: 'personal',
        realName: '张伟',
        idNumberHash: identityDigest(t.config.identityHashKey, adultId),
        idNumberLast4: adultId.slice(-4),
        securityPhone: '13912345678',
        securityEmail: 'zhang.wei@example.cn',
        loginMethods: [{ type: 'email', identifier: 'zhang.wei@example.cn', registration: true }],
        protection: { login: false, operation: false, remoteLogin: false, mfaType: 'virtual' },
        mfaBound: true,
      },
    });
    const res = await agent.client.get(`/api/accounts/${account.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      uin: '100012345',
      realName: '张*',
      securityPhone: '139****5678',
      securityEmail: 'z***@example.cn',
      idNumber: `${'*'.repeat(14)}${adultId.slice(-4)}`,
    });
    expect(res.body.loginMethods[0].identifier).toBe('z***@example.cn');
    expect(JSON.stringify(res.body)).not.toMatch(/idNumberHash|13912345678|zhang\.wei/);
  });

  it('links a ticket to the account its declared account ID names', async () => {
    const res = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    const account = await t.db.account.findUniqueOrThrow({ where: { uin: '100012345' } });
    expect(res.body.accountId).toBe(account.id);
    const linked = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ accountId: account.id }) });
    expect(linked.body.map((r: { id: number }) => r.id)).toEqual([res.body.id]);
  });

  it('finds an account by its full security phone or a whole name, and not by a part of either', async () => {
    const base = {
      subjectType: 'personal',
      loginMethods: [],
      protection: { login: false, operation: false, remoteLogin: false, mfaType: 'virtual' },
    };
    const person = await t.db.account.create({ data: { ...base, uin: '200034567', realName: '欧阳娜娜', securityPhone: '13655554444' } });
    const company = await t.db.account.create({
      data: {
        ...base,
        uin: '200034568',
        subjectType: 'enterprise',
        realName: '周杰',
        companyName: '星辰科技有限公司',
        securityPhone: '13655553333',
      },
    });
    const search = async (q: string) => {
      const res = await agent.client.get('/api/accounts').query({ filter: JSON.stringify({ q }) });
      expect(res.status, q).toBe(200);
      return (res.body as { id: number }[]).map((r) => r.id);
    };
    expect(await search('13655554444')).toEqual([person.id]);
    expect(await search('136 5555 4444')).toEqual([person.id]);
    expect(await search('欧阳娜娜')).toEqual([person.id]);
    expect(await search('周杰')).toEqual([company.id]);
    expect(await search('星辰科技有限公司')).toEqual([company.id]);
    expect(await search('2000345')).toEqual([person.id, company.id]);
    expect(await search('1365555')).toEqual([]);
    expect(await search('欧阳')).toEqual([]);
  });

  it('is read-only: writing answers 405', async () => {
    expect((await admin.client.post('/api/accounts').send({ uin: '1' })).status).toBe(405);
    expect((await admin.client.put('/api/accounts/1').send({ uin: '1' })).status).toBe(405);
    expect((await admin.client.delete('/api/accounts/1')).status).toBe(405);
  });
});

describe('agents', () => {
  it('only admins create and edit agents', async () => {
    const body = { email: 'new.agent@test.example', name: '新同事', role: 'agent', password: 'a long enough password' };
    expect((await agent.client.post('/api/agents').send(body)).status).toBe(403);
    expect((await supervisor.client.post('/api/agents').send(body)).status).toBe(403);
    const created = await admin.client.post('/api/agents').send(body);
    expect(created.status).toBe(201);
    expect(created.body.passwordHash).toBeUndefined();
    const dup = await admin.client.post('/api/agents').send(body);
    expect(dup.status).toBe(409);
    const edited = await admin.client.put(`/api/agents/${created.body.id}`).send({ ...created.body, role: 'supervisor' });
    expect(edited.body.role).toBe('supervisor');
    expect((await agent.client.put(`/api/agents/${created.body.id}`).send({ role: 'admin' })).status).toBe(403);
  });

  it('refuses a short password and an admin demoting themselves', async () => {
    const short = await admin.client.post('/api/agents').send({ email: 'x@test.example', name: 'X', role: 'agent', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors.password).toEqual(expect.any(String));
    const self = await admin.client.put(`/api/agents/${admin.agent.id}`).send({ role: 'agent' });
    expect(self.status).toBe(400);
  });

  it('signs a deactivated agent out everywhere', async () => {
    const victim = await signedInAs(t, 'agent');
    expect((await victim.client.get('/api/tickets')).status).toBe(200);
    await admin.client.put(`/api/agents/${victim.agent.id}`).send({ active: false });
    expect((await victim.client.get('/api/tickets')).status).toBe(401);
  });

  it('cannot be deleted, only deactivated', async () => {
    expect((await admin.client.delete(`/api/agents/${agent.agent.id}`)).status).toBe(405);
  });
});

describe('macros', () => {
  it('agents read them; only admins write', async () => {
    const body = { name: 'greet', titleZh: '问候', titleEn: 'Greeting', bodyZh: '您好', bodyEn: 'Hello', kinds: ['mfa_unbind'] };
    expect((await agent.client.post('/api/macros').send(body)).status).toBe(403);
    const made = await admin.client.post('/api/macros').send(body);
    expect(made.status).toBe(201);
    expect((await agent.client.get(`/api/macros/${made.body.id}`)).body.titleZh).toBe('问候');
    expect((await agent.client.delete(`/api/macros/${made.body.id}`)).status).toBe(403);
    expect((await admin.client.post('/api/macros').send({ ...body, kinds: ['no_such_kind'] })).status).toBe(400);
  });
});

describe('messages and events', () => {
  it('an agent writes an internal note; it lands on the timeline', async () => {
    const ticket = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    const note = await agent.client.post('/api/messages').send({ ticketId: ticket.body.id, kind: 'internal_note', body: '已核对实名信息' });
    expect(note.status).toBe(201);
    const events = await agent.client
      .get('/api/events')
      .query({ filter: JSON.stringify({ ticketId: ticket.body.id }), sort: '["createdAt","ASC"]' });
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['ticket.created', 'message.added']);
  });

  it('customer messages cannot be forged by agents, and events cannot be written', async () => {
    const ticket = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    expect((await agent.client.post('/api/messages').send({ ticketId: ticket.body.id, kind: 'customer_message', body: 'x' })).status).toBe(
      400,
    );
    expect((await admin.client.post('/api/events').send({ type: 'ticket.created' })).status).toBe(405);
    expect((await admin.client.delete('/api/events/1')).status).toBe(405);
  });
});

describe('GET /api/stats/overview', () => {
  it('counts open tickets by status and kind', async () => {
    // Its own tickets, so the counts mean something when this test runs alone: two open, one closed.
    const created = await Promise.all([1, 2, 3].map(() => agent.client.post('/api/tickets').send(mfaUnbindPayload()).expect(201)));
    await t.db.ticket.update({ where: { id: created[2]!.body.id }, data: { status: 'closed', closedAt: new Date() } });
    const res = await agent.client.get('/api/stats/overview').expect(200);
    const openStatuses = ['new', 'triage', 'in_review', 'awaiting_customer', 'approval_pending'];
    const open = await t.db.ticket.count({ where: { status: { in: openStatuses } } });
    const openMfa = await t.db.ticket.count({ where: { status: { in: openStatuses }, kind: 'mfa_unbind' } });
    expect(open).toBeGreaterThanOrEqual(2);
    expect(res.body.open).toBe(open);
    expect(res.body.byKind.mfa_unbind).toBe(openMfa);
    expect(res.body.byStatus.new).toBe(await t.db.ticket.count({ where: { status: 'new' } }));
    expect(res.body.byStatus.closed).toBe(await t.db.ticket.count({ where: { status: 'closed' } }));
  });
});
