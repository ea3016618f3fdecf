import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { createTicket } from '../../server/src/tickets/createTicket';
import { makeAccount } from './support/desk';
import { adultId, mfaUnbindPayload, residentIdFor } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t, 'agent');
});
afterAll(() => t.close());

const otherIds = [
  residentIdFor('11010519900101002'),
  residentIdFor('11010519880202005'),
  residentIdFor('11010519770303004'),
  residentIdFor('11010519660404006'),
];

async function file(accountUin: string, idNumber: string, phone: string, name = '张伟') {
  const p = mfaUnbindPayload({
    fields: { accountId: accountUin, idNumber, realName: name, currentPhone: phone },
    contact: { name, phone, email: `${phone}@example.cn` },
  });
  return createTicket(t.db, { ...p, by: { actorType: 'customer' } }, t.config.identityHashKey);
}

type Entry = {
  id: number;
  reference: string;
  matchedBy: string[];
  contactName: string;
  contactPhone: string | null;
  status: string;
  kind: string;
  submittedAt: string;
};

describe('GET /api/tickets/:id/history', () => {
  it("lists the customer's other appeals by account, contact phone and ID-number hash, and nothing of another customer", async () => {
    const mine = await makeAccount(t);
    const another = await makeAccount(t, {
      idNumberHash: identityDigest(t.config.identityHashKey, otherIds[1]!),
      idNumberLast4: otherIds[1]!.slice(-4),
    });
    const stranger = await makeAccount(t, { realName: '李娜', idNumberHash: identityDigest(t.config.identityHashKey, otherIds[3]!) });

    const current = await file(mine.uin, adultId, '13911112222');
    const sameAccount = await file(mine.uin, otherIds[0]!, '13933334444');
    // The same ID number declared on another account's appeal: matched by its keyed hash only.
    const sameIdElsewhere = await file(another.uin, adultId, '13955556666');
    // No account on file, but the same contact phone.
    const samePhone = await file('100099999', otherIds[2]!, '13911112222');
    const unrelated = await file(stranger.uin, otherIds[3]!, '13977778888', '李娜');

    const res = await agent.client.get(`/api/tickets/${current.id}/history`);
    expect(res.status).toBe(200);
    const entries = res.body as Entry[];
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(sameAccount.id)?.matchedBy).toEqual(['account']);
    expect(byId.get(sameIdElsewhere.id)?.matchedBy).toEqual(['idNumber']);
    expect(byId.get(samePhone.id)?.matchedBy).toEqual(['phone']);
    expect(byId.has(unrelated.id)).toBe(false);
    expect(byId.has(current.id)).toBe(false);
    expect(entries.map((e) => e.id)).toEqual([samePhone.id, sameIdElsewhere.id, sameAccount.id]);
    expect(byId.get(sameAccount.id)).toMatchObject({ reference: sameAccount.reference, kind: 'mfa_unbind', status: 'new' });

    // From the other side: the number's hash finds this appeal, and the account on file with that number.
    const back = (await agent.client.get(`/api/tickets/${sameIdElsewhere.id}/history`).expect(200)).body as Entry[];
    expect(back.find((e) => e.id === current.id)?.matchedBy).toEqual(['account', 'idNumber']);
    expect(back.some((e) => e.id === unrelated.id)).toBe(false);
  });

  it('masks names and phones, and never carries an ID number or its hash', async () => {
    const ownId = residentIdFor('11010519550505007');
    const account = await makeAccount(t, { idNumberHash: identityDigest(t.config.identityHashKey, ownId) });
    const a = await file(account.uin, ownId, '13812345678', '王小明');
    await file(account.uin, ownId, '13812345678', '王小明');
    const res = await agent.client.get(`/api/tickets/${a.id}/history`).expect(200);
    const text = JSON.stringify(res.body);
    expect(res.body).toHaveLength(1);
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain(ownId);
    expect(text).not.toContain(identityDigest(t.config.identityHashKey, ownId));
    expect(res.body[0].contactPhone).toMatch(/\*/);
  });

  it('finds an appeal by phone, account ID or ID number however many tickets were filed since', async () => {
    const oldId = residentIdFor('11010519440606003');
    const old = await file('100077777', oldId, '13622223333', '赵敏');
    // Thirty thousand tickets later, as the ids go: nothing is read from a window of the newest rows.
    if (t.databaseUrl.startsWith('postgres'))
      await t.db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Ticket"', 'id'), ${old.id + 30_000})`);
    else await t.db.$executeRawUnsafe(`UPDATE sqlite_sequence SET seq = ${old.id + 30_000} WHERE name = 'Ticket'`);
    const byPhone = await file('100066666', otherIds[1]!, '13622223333', '赵敏');
    const byAccount = await file('100077777', otherIds[2]!, '13600000001', '赵敏');
    const byIdNumber = await file('100055555', oldId, '13600000002', '赵敏');
    expect(byPhone.id).toBeGreaterThan(old.id + 30_000);

    for (const [later, how] of [
      [byPhone, 'phone'],
      [byAccount, 'account'],
      [byIdNumber, 'idNumber'],
    ] as const) {
      const entries = (await agent.client.get(`/api/tickets/${later.id}/history`).expect(200)).body as Entry[];
      expect(entries.find((e) => e.id === old.id)?.matchedBy, how).toEqual([how]);
    }
  });

  it('forgets the ID-number match of an appeal whose personal data was erased', async () => {
    const erasedId = residentIdFor('11010519330707001');
    const first = await file('100044444', erasedId, '13500000001');
    const second = await file('100033333', erasedId, '13500000002');
    expect(((await agent.client.get(`/api/tickets/${second.id}/history`).expect(200)).body as Entry[]).map((e) => e.id)).toContain(
      first.id,
    );
    await t.db.ticket.update({ where: { id: first.id }, data: { fieldDigests: {} } });
    expect(await t.db.ticketDigest.count({ where: { ticketId: first.id } })).toBe(0);
    expect(((await agent.client.get(`/api/tickets/${second.id}/history`).expect(200)).body as Entry[]).map((e) => e.id)).not.toContain(
      first.id,
    );
  });

  it('is for signed-in agents only, and answers 404 for an unknown ticket', async () => {
    const ticket = await file('100088888', otherIds[0]!, '13700001111');
    expect((await request(t.app).get(`/api/tickets/${ticket.id}/history`)).status).toBe(401);
    expect((await agent.client.get('/api/tickets/99999999/history')).status).toBe(404);
  });
});
