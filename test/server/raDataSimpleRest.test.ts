import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, makeAgent, testPassword, type TestApp } from './support/testApp';

// react-admin's own data provider, over real HTTP, against the real server.
let t: TestApp;
let server: Server;
let provider: ReturnType<typeof simpleRestProvider>;

async function providerFor(base: string, email: string) {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return simpleRestProvider(base, (url, options = {}) => {
    const headers = new Headers(options.headers ?? { Accept: 'application/json' });
    headers.set('Cookie', cookie);
    return fetchUtils.fetchJson(url, { ...options, headers });
  });
}

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const admin = await makeAgent(t.db, 'admin');
  provider = await providerFor(base, admin.email);
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe('ra-data-simple-rest against the API', () => {
  it('creates, lists with sort, filter and a true total, and reads one and many', async () => {
    const made = [];
    for (let i = 0; i < 4; i += 1) made.push((await provider.create('tickets', { data: mfaUnbindPayload() })).data);
    expect(made[0]).toMatchObject({ id: expect.any(Number), status: 'new' });

    const list = await provider.getList('tickets', {
      pagination: { page: 2, perPage: 3 },
      sort: { field: 'id', order: 'DESC' },
      filter: { status: ['new'] },
    });
    expect(list.total).toBe(4);
    expect(list.data.map((r) => r.id)).toEqual([made[0]!.id]);

    const one = await provider.getOne('tickets', { id: made[1]!.id });
    expect(one.data.reference).toBe(made[1]!.reference);

    const many = await provider.getMany('tickets', { ids: [made[2]!.id, made[3]!.id] });
    expect(many.data.map((r) => r.id).sort()).toEqual([made[2]!.id, made[3]!.id].sort());
  });

  it('reads by reference: the events of one ticket', async () => {
    const ticket = (await provider.create('tickets', { data: mfaUnbindPayload() })).data;
    const events = await provider.getManyReference('events', {
      target: 'ticketId',
      id: ticket.id,
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'ASC' },
      filter: {},
    });
    expect(events.total).toBe(1);
    expect(events.data[0]).toMatchObject({ ticketId: ticket.id, type: 'ticket.created' });
  });

  it('updates with the whole record and deletes', async () => {
    const ticket = (await provider.create('tickets', { data: mfaUnbindPayload() })).data;
    const updated = await provider.update('tickets', { id: ticket.id, data: { ...ticket, priority: 'high' }, previousData: ticket });
    expect(updated.data.priority).toBe('high');
    const deleted = await provider.delete('tickets', { id: ticket.id, previousData: updated.data });
    expect(deleted.data.id).toBe(ticket.id);
    await expect(provider.getOne('tickets', { id: ticket.id })).rejects.toMatchObject({ status: 404 });
  });

  it('manages macros end to end', async () => {
    const macro = (
      await provider.create('macros', {
        data: { name: 'test.hello', titleZh: '你好', titleEn: 'Hello', bodyZh: '您好 {{contactName}}', bodyEn: 'Hello {{contactName}}' },
      })
    ).data;
    const updated = await provider.update('macros', { id: macro.id, data: { ...macro, titleEn: 'Hi' }, previousData: macro });
    expect(updated.data.titleEn).toBe('Hi');
    await provider.delete('macros', { id: macro.id, previousData: updated.data });
    expect(
      (
        await provider.getList('macros', {
          pagination: { page: 1, perPage: 10 },
          sort: { field: 'id', order: 'ASC' },
          filter: { q: 'test.hello' },
        })
      ).total,
    ).toBe(0);
  });

  it("surfaces the server's message and field errors to react-admin", async () => {
    await expect(provider.create('macros', { data: { name: 'Bad Name!' } })).rejects.toMatchObject({
      status: 400,
      body: { code: 'INVALID_INPUT', errors: expect.objectContaining({ name: expect.any(String), titleZh: expect.any(String) }) },
    });
  });
});
