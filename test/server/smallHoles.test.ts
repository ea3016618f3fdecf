import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { makeAccount } from './support/desk';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 12's small holes, each tried as an outsider or an insider would.
let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t, 'agent');
});
afterAll(() => t.close());

const file = (payload: object, app = t.app, ip?: string) => {
  const req = request(app).post('/api/public/appeals');
  return (ip ? req.set('X-Forwarded-For', ip) : req).field('payload', JSON.stringify(payload));
};

describe('names that head the desk emails', () => {
  it.each([
    ['a line break', '张伟\r\nBcc: victim@example.cn', 'name.control'],
    ['a web address', 'http://evil.example 请点击', 'name.url'],
    ['a bare domain', '客服中心 evil-help.com', 'name.url'],
    ['a right-to-left override', 'Li\u202eLei', 'name.control'],
  ])('refuses a contact name with %s', async (_what, name, code) => {
    const res = await file(mfaUnbindPayload({ contact: { name } }));
    expect(res.status).toBe(400);
    expect(res.body.errors['contact.name']).toBe(code);
  });

  it('accepts ordinary names in both scripts', async () => {
    for (const name of ['欧阳娜娜', "Mary-Jane O'Neil", 'J. R. Smith'])
      expect((await file(mfaUnbindPayload({ contact: { name } }))).status, name).toBe(201);
  });

  it('an old ticket whose name holds a link or a line break is greeted plainly', async () => {
    const { noticesFor } = await import('../../server/src/notifications/customerNotices');
    const ticket = {
      id: 1,
      reference: 'AP-20261129-0001',
      locale: 'zh-CN',
      contactName: 'www.evil.example\n免费领取',
      contactEmail: 'a@example.cn',
      contactPhone: null,
    };
    const [email] = noticesFor(ticket, 'received', { statusLink: 'https://help.example.cn/appeal/status?ref=x' });
    expect(email!.body.startsWith('客户，您好：')).toBe(true);
    expect(email!.body).not.toContain('evil');
  });
});

describe('TRUST_PROXY', () => {
  it('by default a client cannot choose its address with X-Forwarded-For to escape the limits', async () => {
    const direct = await createTestApp({ APPEALS_PER_HOUR: '2' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await file(mfaUnbindPayload(), direct.app, `198.51.100.${i}`)).status);
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await direct.close();
    }
  });

  it('names the proxies to believe, and refuses "true"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true/);
  });

  it('behind a proxy on another host, each customer is counted by the address the proxy names', async () => {
    const behind = await createTestApp({ APPEALS_PER_HOUR: '2', TRUST_PROXY: 'loopback' });
    try {
      const one = (ip: string) =>
        request(behind.app).post('/api/public/appeals').set('X-Forwarded-For', ip).field('payload', JSON.stringify(mfaUnbindPayload()));
      expect([(await one('203.0.113.1')).status, (await one('203.0.113.1')).status, (await one('203.0.113.1')).status]).toEqual([
        201, 201, 429,
      ]);
      expect((await one('203.0.113.2')).status).toBe(201);
    } finally {
      await behind.close();
    }
  });
});

describe("an agent's edit of a ticket's contact", () => {
  it('is validated like the public form, recorded, and told to the contact it replaces', async () => {
    const a = await makeAccount(t);
    const ticket = await t.db.ticket.create({
      data: {
        reference: `AP-20261129-9${a.uin.slice(-3)}`,
        kind: 'mfa_unbind',
        subjectType: 'personal',
        fields: {},
        fieldDigests: {},
        contactName: '张伟',
        contactEmail: 'old@example.cn',
        contactPhone: '13911112222',
        slaDueAt: new Date(Date.now() + 86_400_000),
      },
    });
    const bad = await agent.client
      .put(`/api/tickets/${ticket.id}`)
      .send({ contactEmail: 'not-an-email', contactPhone: '12345', contactName: 'x\r\ny' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      contactEmail: '邮箱地址格式不正确',
      contactPhone: '请填写 11 位中国大陆手机号',
      contactName: '姓名中不能有换行或控制字符',
    });
    expect((await agent.client.put(`/api/tickets/${ticket.id}`).send({ contactEmail: '', contactPhone: '' })).status).toBe(400);

    const ok = await agent.client
      .put(`/api/tickets/${ticket.id}`)
      .send({ contactEmail: 'new@example.cn', contactPhone: '+86 139 3333 4444' });
    expect(ok.status).toBe(200);
    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect([row.contactEmail, row.contactPhone]).toEqual(['new@example.cn', '13933334444']);
    expect(await t.db.event.count({ where: { ticketId: ticket.id, type: 'ticket.updated', agentId: agent.agent.id } })).toBe(1);
    const told = await t.db.notification.findMany({ where: { ticketId: ticket.id } });
    expect(told.map((n) => n.recipient).sort()).toEqual(['13911112222', 'old@example.cn']);
    expect(told.find((n) => n.channel === 'email')!.body).toContain('联系方式');
  });
});

describe('list filters and searches', () => {
  it('extreme dates in a filter are a 400, not a 500', async () => {
    for (const value of ['+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0001-01-01', 'tomorrow']) {
      const res = await agent.client.get('/api/tickets').query({ filter: JSON.stringify({ submittedAt_gte: value }) });
      expect(res.status, value).toBe(400);
    }
  });

  it('% and _ in the accounts and agents searches match themselves', async () => {
    const admin = await signedInAs(t, 'admin');
    await makeAccount(t, { subjectType: 'enterprise', companyName: '百分之百%科技' });
    await makeAccount(t, { subjectType: 'enterprise', companyName: '下划线_科技' });
    await makeAccount(t, { subjectType: 'enterprise', companyName: '普通科技' });
    const names = async (url: string, q: string) =>
      (await admin.client.get(url).query({ filter: JSON.stringify({ q }), range: '[0,99]' })).body.map(
        (r: { companyName?: string; name?: string }) => r.companyName ?? r.name,
      );
    expect(await names('/api/accounts', '%')).toEqual(['百分之百%科技']);
    expect(await names('/api/accounts', '_')).toEqual(['下划线_科技']);
    expect(await names('/api/accounts', '线_科')).toEqual(['下划线_科技']);
    expect(await names('/api/agents', '%')).toEqual([]);
    expect((await names('/api/agents', 'agent')).length).toBeGreaterThan(0);
  });
});

describe('production settings', () => {
  const production = { NODE_ENV: 'production', IDENTITY_HASH_KEY: 'a-production-identity-key-0123' };
  it('refuses to start without SMTP_URL unless OUTBOX_DIR is set on purpose', () => {
    expect(() => loadConfig(production)).toThrow(/SMTP_URL must be set/);
    expect(loadConfig({ ...production, SMTP_URL: 'smtp://mail.example.cn:587' }).smtpUrl).toBe('smtp://mail.example.cn:587');
    expect(loadConfig({ ...production, OUTBOX_DIR: '/var/spool/helpdesk' }).outboxDir).toBe('/var/spool/helpdesk');
  });
});
