import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeClosedEvidence } from '../../server/src/maintenance/retention';
import { sweepStorage } from '../../server/src/maintenance/storageSweep';
import { colourIdCard } from '../fixtures/evidence';
import { makeAccount, readyToDecide } from './support/desk';
import { adultId, mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

let t: TestApp;
let files: string;
let admin: Awaited<ReturnType<typeof signedInAs>>;
let agent: Awaited<ReturnType<typeof signedInAs>>;
let otherAgent: Awaited<ReturnType<typeof signedInAs>>;
let supervisor: Awaited<ReturnType<typeof signedInAs>>;
let n = 0;

async function appeal(contact: { name: string; email: string; phone?: string }) {
  n += 1;
  const front = await colourIdCard(files, { variant: n % 3, width: 1300 + n * 10, fileName: `front-${n}.jpg` });
  const res = await request(t.app)
    .post('/api/public/appeals')
    .field('payload', JSON.stringify(mfaUnbindPayload({ contact })))
    .attach('applicant_id_front', front);
  expect(res.status).toBe(201);
  return t.db.ticket.findUniqueOrThrow({ where: { reference: res.body.reference }, include: { evidence: true } });
}

beforeAll(async () => {
  t = await createTestApp();
  files = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  admin = await signedInAs(t, 'admin');
  agent = await signedInAs(t, 'agent');
  otherAgent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
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

describe("a customer's data on request", () => {
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

  it("erases a closed appeal's personal data and files, keeps an open one, and records why", async () => {
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

describe("personal data in agents' answers", () => {
  // A customer changing their security phone, who writes their numbers and addresses everywhere.
  const customer = { name: '欧阳娜娜', email: 'ouyang.nana@example.cn', phone: '13700112233' };
  const newPhone = '13655667788';
  const written = { phone: '13911112222', email: 'backup.nana@example.org' };
  const edited = 'nana.edited@example.cn';
  const list = (client: typeof agent.client, resource: string, filter: object) =>
    client
      .get(`/api/${resource}`)
      .query({ filter: JSON.stringify(filter), range: '[0,99]' })
      .expect(200);

  async function changingPhone() {
    const account = await makeAccount(t, { realName: customer.name });
    const front = await colourIdCard(files, { variant: 0, width: 1510, fileName: 'own-front.jpg' });
    const back = await colourIdCard(files, { variant: 1, width: 1520, fileName: 'own-back.jpg' });
    const payload = {
      kind: 'security_phone_change',
      subjectType: 'personal',
      fields: {
        accountId: account.uin,
        currentSecurityPhone: account.securityPhone!,
        newSecurityPhone: newPhone,
        realName: customer.name,
        idNumber: adultId,
        description: `我是${customer.name}，旧手机 ${written.phone} 丢了，也可以写信到 ${written.email}`,
      },
      contact: customer,
    };
    const { ticket, token } = await readyToDecide(t, agent, payload, { applicant_id_front: front, applicant_id_back: back });
    await request(t.app)
      .post(`/api/public/appeals/${ticket.reference}/messages`)
      .set('Authorization', `Bearer ${token}`)
      .send({ body: `我的邮箱是 ${customer.email}，电话 ${customer.phone}` })
      .expect(201);
    await agent.client
      .post('/api/messages')
      .send({ ticketId: ticket.id, kind: 'public_reply', body: `${customer.name}您好，已收到您的申诉。` })
      .expect(201);
    await agent.client
      .post('/api/messages')
      .send({ ticketId: ticket.id, kind: 'internal_note', body: `${customer.name} 来电确认新号码 ${newPhone}` })
      .expect(201);
    return { account, ticket };
  }

  const secrets = (account: { securityPhone: string | null; securityEmail: string | null }) => [
    customer.name,
    customer.email,
    customer.phone,
    newPhone,
    written.phone,
    written.email,
    edited,
    account.securityPhone!,
    account.securityEmail!,
    adultId,
  ];

  it('are masked in every answer: tickets, search, review, decision, events, messages, notifications, accounts', async () => {
    const { account, ticket } = await changingPhone();
    const answers: unknown[] = [];
    const keep = <T extends { body: unknown }>(res: T) => (answers.push(res.body), res);

    // Search still matches the full number server-side; what comes back is masked.
    const found = keep(await list(agent.client, 'tickets', { q: customer.phone }));
    expect(found.body.map((r: { id: number }) => r.id)).toContain(ticket.id);
    const record = keep(await agent.client.get(`/api/tickets/${ticket.id}`).expect(200)).body;
    expect(record.contact).toEqual({ name: '欧**娜', email: 'o***@example.cn', phone: '137****2233' });
    expect(record.fields).toMatchObject({ realName: '欧**娜', newSecurityPhone: '136****7788' });
    const review = keep(await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200)).body;
    // Declared vs on file still says whether they match.
    expect(review.comparison.find((c: { field: string }) => c.field === 'realName')).toMatchObject({
      declared: '欧**娜',
      onFile: '欧**娜',
      result: 'match',
    });
    expect(review.comparison.find((c: { field: string }) => c.field === 'currentSecurityPhone')).toMatchObject({ result: 'match' });

    keep(
      await agent.client
        .post(`/api/tickets/${ticket.id}/decision`)
        .send({ decision: 'approve', message: `${customer.name}您好，审核通过` })
        .expect(202),
    );
    const confirmed = keep(await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }).expect(200));
    expect(confirmed.body.outcome.changes[0]).toMatchObject({
      before: { securityPhone: expect.stringContaining('****') },
      after: { securityPhone: '136****7788' },
    });
    // Kept in full where erasure can reach it, shown masked.
    const changed = await t.db.event.findFirstOrThrow({ where: { ticketId: ticket.id, type: 'account.changed' } });
    expect(changed.data).toMatchObject({ before: { securityPhone: account.securityPhone }, after: { securityPhone: newPhone } });

    keep(await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200));
    // An edit of the contact: ticket.updated keeps both addresses, shown masked.
    keep(await agent.client.put(`/api/tickets/${ticket.id}`).send({ contactEmail: edited }).expect(200));
    const events = keep(await list(agent.client, 'events', { ticketId: ticket.id })).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(events.find((e) => e.type === 'account.changed')!.data).toMatchObject({
      accountId: account.id,
      uin: account.uin,
      after: { securityPhone: '136****7788' },
    });
    expect(events.find((e) => e.type === 'ticket.updated')!.data).toEqual({
      contactEmail: { from: 'o***@example.cn', to: 'n***@example.cn' },
    });
    keep(await agent.client.get(`/api/events/${changed.id}`).expect(200));
    const messages = keep(await list(agent.client, 'messages', { ticketId: ticket.id })).body as { body: string }[];
    expect(messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['欧**娜您好，已收到您的申诉。', '我的邮箱是 o***@example.cn，电话 137****2233']),
    );
    keep(await agent.client.get(`/api/messages/${(messages[0] as unknown as { id: number }).id}`).expect(200));
    const notices = keep(await list(agent.client, 'notifications', { ticketId: ticket.id })).body as { body: string }[];
    expect(notices.length).toBeGreaterThan(0);
    keep(await agent.client.get(`/api/accounts/${account.id}`).expect(200));
    keep(await list(agent.client, 'accounts', { id: [account.id] }));

    const seen = JSON.stringify(answers);
    for (const secret of secrets(account)) expect(seen, secret).not.toContain(secret);
  });

  it('gives the full contact only to the assignee, a supervisor or an admin, and records each look', async () => {
    const { ticket } = await changingPhone();
    const refused = await otherAgent.client.post('/api/privacy/reveal').send({ ticketId: ticket.id });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_ASSIGNEE');
    const mine = await agent.client
      .post('/api/privacy/reveal')
      .send({ ticketId: ticket.id, fields: ['contactPhone'] })
      .expect(200);
    expect(mine.body).toEqual({ ticketId: ticket.id, contact: { phone: customer.phone } });
    const boss = await supervisor.client.post('/api/privacy/reveal').send({ ticketId: ticket.id }).expect(200);
    expect(boss.body.contact).toEqual(customer);
    const looks = await t.db.event.findMany({ where: { ticketId: ticket.id, type: 'privacy.revealed' }, orderBy: { id: 'asc' } });
    expect(looks.map((e) => [e.agentId, e.data])).toEqual([
      [agent.agent.id, { fields: ['contactPhone'] }],
      [supervisor.agent.id, { fields: ['contactName', 'contactEmail', 'contactPhone'] }],
    ]);
    expect((await admin.client.post('/api/privacy/reveal').send({ ticketId: ticket.id, fields: ['fieldDigests'] })).status).toBe(400);
  });

  it('a whole record sent back by the edit form writes no masked value over the real one', async () => {
    const { ticket } = await changingPhone();
    const record = (await agent.client.get(`/api/tickets/${ticket.id}`).expect(200)).body;
    await agent.client
      .put(`/api/tickets/${ticket.id}`)
      .send({ ...record, priority: 'high' })
      .expect(200);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ priority: 'high', contactName: customer.name, contactEmail: customer.email, contactPhone: customer.phone });
  });
});
