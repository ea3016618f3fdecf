import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../server/src/tickets/createTicket';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;
let admin: Awaited<ReturnType<typeof signedInAs>>;

async function fileTicket(overrides: Parameters<typeof mfaUnbindPayload>[0] = {}, submittedAt?: Date) {
  const p = mfaUnbindPayload(overrides);
  return createTicket(t.db, { ...p, submittedAt, by: { actorType: 'customer' } }, t.config.identityHashKey);
}

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t, 'agent');
  admin = await signedInAs(t, 'admin');
});
afterAll(() => t.close());

describe('POST /api/tickets', () => {
  it('rule: a customer without another account phones support, and an agent files the same appeal — creates a ticket with a day reference, its material slots and a first event', async () => {
    const res = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^AP-\d{8}-\d{4}$/);
    expect(res.body).toMatchObject({ kind: 'mfa_unbind', subjectType: 'personal', status: 'new', complete: false });
    expect(res.body.slots.map((s: { key: string }) => s.key).length).toBeGreaterThan(0);
    expect(res.body.slots.every((s: { state: string }) => s.state === 'missing')).toBe(true);
    const events = await agent.client.get('/api/events').query({ filter: JSON.stringify({ ticketId: res.body.id }) });
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['ticket.created']);
  });

  it('keeps the resident ID number only masked, with a keyed hash beside it', async () => {
    const res = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    expect(res.body.fields.idNumber).toBe(`${'*'.repeat(14)}${adultId.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(adultId);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(JSON.stringify(row)).not.toContain(adultId);
    expect((row.fieldDigests as Record<string, string>).idNumber).toMatch(/^[0-9a-f]{64}$/);
  });

  it('numbers references of one day in sequence', async () => {
    const day = new Date('2026-03-02T04:00:00Z');
    const a = await fileTicket({}, day);
    const b = await fileTicket({}, day);
    expect(a.reference).toBe('AP-20260302-0001');
    expect(b.reference).toBe('AP-20260302-0002');
  });

  it('answers a bad ID number with a 400 naming the field, and writes nothing', async () => {
    const before = await t.db.ticket.count();
    const bad = adultId.slice(0, 17) + (adultId.endsWith('1') ? '2' : '1');
    const res = await agent.client.post('/api/tickets').send(mfaUnbindPayload({ fields: { idNumber: bad } }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(res.body.errors['fields.idNumber']).toEqual(expect.any(String));
    expect(await t.db.ticket.count()).toBe(before);
  });

  it('refuses an unknown kind and a subject type the kind does not take', async () => {
    const unknown = await agent.client.post('/api/tickets').send({ ...mfaUnbindPayload(), kind: 'free_money' });
    expect(unknown.status).toBe(400);
    const unverified = await agent.client.post('/api/tickets').send({ ...mfaUnbindPayload(), subjectType: 'unverified' });
    expect(unverified.status).toBe(400);
  });

  it('answers a malformed JSON body with a 400, not a 500', async () => {
    const res = await agent.client.post('/api/tickets').set('Content-Type', 'application/json').send('{"kind":');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });
});

describe('GET /api/tickets', () => {
  it('pages with a true total in Content-Range, exposed to the browser', async () => {
    for (let i = 0; i < 6; i += 1) await fileTicket();
    const total = await t.db.ticket.count();
    const res = await agent.client.get('/api/tickets').query({ sort: '["id","ASC"]', range: '[2,4]' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    expect(res.headers['content-range']).toBe(`tickets 2-4/${total}`);
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
    const ids = res.body.map((r: { id: number }) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('filters with arrays as IN, ranges with _gte/_lte, and q over contact and declared names', async () => {
    const old = await fileTicket({ contact: { name: '欧阳娜娜' }, fields: { realName: '欧阳娜娜' } }, new Date('2025-01-06T02:00:00Z'));
    await t.db.ticket.update({ where: { id: old.id }, data: { status: 'triage' } });
    const inList = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ status: ['triage', 'approved'] }) });
    expect(inList.body.map((r: { id: number }) => r.id)).toContain(old.id);
    expect(inList.body.every((r: { status: string }) => ['triage', 'approved'].includes(r.status))).toBe(true);

    const ranged = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ submittedAt_lte: '2025-02-01T00:00:00Z' }) });
    expect(ranged.body.map((r: { id: number }) => r.id)).toEqual([old.id]);

    const searched = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ q: '欧阳' }) });
    expect(searched.body.map((r: { id: number }) => r.id)).toEqual([old.id]);
    const byRef = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ q: old.reference.toLowerCase() }) });
    expect(byRef.body.map((r: { id: number }) => r.id)).toEqual([old.id]);
  });

  it('lists overdue tickets: open, past due, not waiting for the customer', async () => {
    const late = await fileTicket({}, new Date(Date.now() - 30 * 86_400_000));
    const res = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ overdue: true }), range: '[0,499]' });
    expect(res.body.map((r: { id: number }) => r.id)).toContain(late.id);
    expect(res.body.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
  });

  it('filters unassigned tickets with assigneeId null', async () => {
    const res = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ assigneeId: null }) });
    expect(res.status).toBe(200);
    expect(res.body.every((r: { assigneeId: number | null }) => r.assigneeId === null)).toBe(true);
  });

  it.each([
    ['sort by an unknown field', { sort: '["passwordHash","ASC"]' }],
    ['sort that is not JSON', { sort: 'id' }],
    ['an inverted range', { range: '[10,2]' }],
    ['a page too large', { range: '[0,100000]' }],
    ['an unknown filter', { filter: '{"accessTokenHash":"x"}' }],
    ['a filter that is not an object', { filter: '[1,2]' }],
    ['a non-numeric id filter', { filter: '{"id":["a"]}' }],
    ['a bad date range', { filter: '{"slaDueAt_gte":"tomorrow-ish"}' }],
  ])('answers %s with a 400', async (_name, query) => {
    const res = await agent.client.get('/api/tickets').query(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_LIST_QUERY');
    expect(res.body.message).toEqual(expect.any(String));
  });
});

describe('PUT /api/tickets/:id', () => {
  it('takes the whole record back, ignoring read-only keys, and records what changed', async () => {
    const created = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    const record = { ...created.body, priority: 'urgent', reference: 'AP-HACKED', overdue: 'whatever', extra: 1 };
    const res = await agent.client.put(`/api/tickets/${created.body.id}`).send(record);
    expect(res.status).toBe(200);
    expect(res.body.priority).toBe('urgent');
    expect(res.body.reference).toBe(created.body.reference);
    const events = await t.db.event.findMany({ where: { ticketId: created.body.id, type: 'ticket.updated' } });
    expect(events[0]!.data).toEqual({ priority: { from: 'normal', to: 'urgent' } });
  });

  it('moves the status only along the transition table: 409 otherwise', async () => {
    const created = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    const illegal = await agent.client.put(`/api/tickets/${created.body.id}`).send({ ...created.body, status: 'approved' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
    const legal = await agent.client.put(`/api/tickets/${created.body.id}`).send({ ...created.body, status: 'triage' });
    expect(legal.status).toBe(200);
    expect(legal.body.status).toBe('triage');
    const event = await t.db.event.findFirstOrThrow({ where: { ticketId: created.body.id, type: 'ticket.transitioned' } });
    expect(event).toMatchObject({ fromStatus: 'new', toStatus: 'triage', agentId: agent.agent.id });
  });

  it('lets an agent take a ticket, but not give it to someone else', async () => {
    const created = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    const take = await agent.client.post(`/api/tickets/${created.body.id}/assign`).send({ agentId: agent.agent.id });
    expect(take.status).toBe(200);
    expect(take.body.assigneeId).toBe(agent.agent.id);
    const give = await agent.client.put(`/api/tickets/${created.body.id}`).send({ ...take.body, assigneeId: admin.agent.id });
    expect(give.status).toBe(403);
    const byAdmin = await admin.client.post(`/api/tickets/${created.body.id}/assign`).send({ agentId: admin.agent.id, reason: '休假' });
    expect(byAdmin.status).toBe(200);
  });

  it('answers an unknown ticket with a 404', async () => {
    expect((await agent.client.put('/api/tickets/999999').send({ priority: 'low' })).status).toBe(404);
    expect((await agent.client.get('/api/tickets/999999')).status).toBe(404);
    expect((await agent.client.get('/api/tickets/abc')).status).toBe(400);
  });
});

describe('DELETE /api/tickets/:id', () => {
  it('is for admins: an agent gets 403, an admin gets the deleted record and an audit event stays', async () => {
    const created = await agent.client.post('/api/tickets').send(mfaUnbindPayload());
    expect((await agent.client.delete(`/api/tickets/${created.body.id}`)).status).toBe(403);
    const res = await admin.client.delete(`/api/tickets/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.reference).toBe(created.body.reference);
    expect(await t.db.ticket.findUnique({ where: { id: created.body.id } })).toBeNull();
    const audit = await t.db.event.findFirstOrThrow({ where: { type: 'ticket.deleted' } });
    expect(audit.data).toMatchObject({ reference: created.body.reference });
  });
});
