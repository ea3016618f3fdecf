import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourIdCard } from '../fixtures/evidence';
import { codes, makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId, creditCodeFor } from './support/payloads';
import { createDemoTestApp, createTestApp, signedInAs, type TestApp } from './support/testApp';

// Issue 13, item 6: what customers are told matches what happens. Each rule through the HTTP API.

let t: TestApp;
let agent: Client;
let supervisor: Client;
let photo: (n: number) => string;

beforeAll(async () => {
  t = await createTestApp();
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  const made = await Promise.all([0, 1, 2].map((i) => colourIdCard(dir, { variant: i, width: 1400 + 16 * i, fileName: `p${i}.jpg` })));
  photo = (n) => made[n % made.length]!;
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
});
afterAll(() => t.close());

// What "enterprise details updated" looks like in either language, in the catalog's words and the old notice's.
const enterpriseUpdated = [
  '更新企业实名信息',
  "enterprise's real-name information",
  '账号变更已经生效',
  'change to your account has been made',
];

describe('an approved enterprise account retrieval', () => {
  const company = creditCodeFor('91440300MA5RTR000');
  const told = {
    'zh-CN': '找回的账号及登录方式已发送',
    en: 'the accounts registered under the company and their login methods are sent to you',
  };

  it.each(['zh-CN', 'en'] as const)('rule: an approved account retrieval is not told "enterprise details updated" (%s)', async (locale) => {
    await makeAccount(t, {
      subjectType: 'enterprise',
      companyName: '深圳找回科技有限公司',
      creditCode: company,
      realName: '王强',
      idNumberHash: null,
      idNumberLast4: null,
    });
    const email = `retrieval.${locale}@example.cn`;
    const payload = {
      kind: 'enterprise_review',
      subjectType: 'enterprise',
      variant: 'account_retrieval',
      fields: { companyName: '深圳找回科技有限公司', creditCode: company },
      contact: { name: '王强', email, phone: '13900001111', locale },
    };
    const files = { business_licence: photo(0), legal_rep_id_front: photo(1), legal_rep_id_back: photo(2) };
    const { ticket, token } = await readyToDecide(t, agent, payload, files);

    // The agent's dialog says what the customer will be told, in the variant's words.
    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200);
    expect(review.body.decision.effect.outcome[locale]).toContain(told[locale]);

    const approved = await agent.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'approve', message: locale === 'en' ? 'Approved.' : '审核通过。' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const notices = await t.db.notification.findMany({
      where: { ticketId: ticket.id, recipient: { in: [email, '13900001111'] } },
      orderBy: { id: 'asc' },
    });
    const approval = notices.filter((n) => /已通过|approved/.test(n.subject));
    expect(approval.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    for (const n of approval) {
      expect(n.body, n.channel).toContain(told[locale]);
      for (const wrong of enterpriseUpdated) expect(n.body, n.channel).not.toContain(wrong);
    }

    const status = await request(t.app).get(`/api/public/appeals/${ticket.reference}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(status.body.status).toBe('approved');
    expect(status.body.outcome[locale]).toContain(told[locale]);
    for (const wrong of enterpriseUpdated) expect(JSON.stringify(status.body)).not.toContain(wrong);
  });

  it('rule: the public catalog gives each enterprise variant its own outcome, in both languages', async () => {
    const res = await request(t.app).get('/api/public/catalog').expect(200);
    const kind = res.body.kinds.find((k: { key: string }) => k.key === 'enterprise_review');
    const outcomes = Object.fromEntries(
      kind.variants.map((v: { key: string; outcome?: { 'zh-CN': string; en: string } }) => [v.key, v.outcome]),
    );
    expect(Object.keys(outcomes).sort()).toEqual([
      'account_retrieval',
      'change_entity',
      'change_legal_rep',
      'change_name',
      'payment_dispute',
    ]);
    for (const [key, outcome] of Object.entries(outcomes)) {
      expect(outcome, key).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    }
    expect(outcomes.account_retrieval['zh-CN']).toContain(told['zh-CN']);
    expect(outcomes.payment_dispute['zh-CN']).toContain('打款金额已人工核验');
    expect(outcomes.payment_dispute.en).toContain('transfer amount is re-checked');
    expect(new Set(Object.values(outcomes).map((o) => (o as { en: string }).en)).size).toBe(5);
  });
});

describe('the "modify MFA" tick compared with the account', () => {
  const loginRequest = (uin: string, fields: Record<string, string> = {}) => ({
    kind: 'login_request',
    subjectType: 'personal',
    fields: { accountId: uin, newEmail: `signin.${uin}@example.cn`, realName: '张伟', idNumber: adultId, ...fields },
    contact: { name: '张伟', email: `me.${uin}@example.cn` },
  });
  const idPhotos = () => ({ applicant_id_front: photo(0), applicant_id_back: photo(1) });

  it.each([
    ['no tick', {}],
    ['"no"', { resetMfa: 'no' }],
  ])('rule: a login request for an account with MFA must tick "modify MFA" (%s)', async (_name, fields) => {
    const a = await makeAccount(t, { mfaBound: true });
    const { ticket } = await readyToDecide(t, agent, loginRequest(a.uin, fields), idPhotos());
    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200);
    expect(codes(review.body.decision.blockers)).toEqual(['mfa_reset_not_ticked']);

    const refused = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已绑定' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('APPROVAL_BLOCKED');
    expect(refused.body.blockers).toEqual([expect.objectContaining({ code: 'mfa_reset_not_ticked', overridable: false })]);
    expect(refused.body.blockers[0].label['zh-CN']).toContain('修改 MFA');
    expect(refused.body.blockers[0].label.en).toContain('modify MFA');
    // Not even a supervisor's override lets it through; nothing changed on the account.
    const overridden = await supervisor.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'approve', message: '已绑定', override: true, overrideReason: '客户说授权书上已经勾选了' });
    expect(overridden.status).toBe(409);
    expect(await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).toEqual(a);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe('in_review');
  });

  it('rule: a login request for an account with MFA set only in its protection settings must tick "modify MFA" too', async () => {
    const a = await makeAccount(t, {
      mfaBound: false,
      protection: { login: true, operation: false, remoteLogin: false, mfaType: 'hardware' },
    });
    const { ticket } = await readyToDecide(t, agent, loginRequest(a.uin), idPhotos());
    const refused = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已绑定' });
    expect(refused.status).toBe(409);
    expect(codes(refused.body.blockers)).toEqual(['mfa_reset_not_ticked']);
  });

  it('rule: a login request ticking "modify MFA" for an account with MFA goes ahead, and resets MFA on approval', async () => {
    const a = await makeAccount(t, { mfaBound: true });
    const { ticket } = await readyToDecide(t, agent, loginRequest(a.uin, { resetMfa: 'yes' }), idPhotos());
    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200);
    expect([review.body.decision.blockers, review.body.decision.notes]).toEqual([[], []]);
    expect((await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已绑定' })).status).toBe(
      202,
    );
    expect((await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).mfaBound).toBe(false);
  });

  it('rule: a login request ticking "modify MFA" for an account without MFA gets a note, not a blocker', async () => {
    const a = await makeAccount(t, {
      mfaBound: false,
      protection: { login: false, operation: false, remoteLogin: false, mfaType: 'none' },
    });
    const { ticket } = await readyToDecide(t, agent, loginRequest(a.uin, { resetMfa: 'yes' }), idPhotos());
    const review = await agent.client.get(`/api/tickets/${ticket.id}/review`).expect(200);
    expect(review.body.decision.blockers).toEqual([]);
    expect(review.body.decision.notes).toEqual([expect.objectContaining({ code: 'mfa_reset_without_mfa' })]);
    expect(review.body.decision.notes[0].label['zh-CN']).toContain('未开启 MFA');
    expect((await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已绑定' })).status).toBe(
      202,
    );
  });
});

describe('a face check the form replaces with a hand-held ID photo', () => {
  it('rule: where a seed asks for a face check, the public catalog says the hand-held ID photo stands in for it', async () => {
    const res = await request(t.app).get('/api/public/catalog').expect(200);
    const kinds = Object.fromEntries(res.body.kinds.map((k: { key: string }) => [k.key, k])) as Record<
      string,
      { materialNotes?: Record<string, { 'zh-CN': string; en: string }>; materials: Record<string, { key: string }[]> }
    >;
    for (const key of ['mfa_unbind', 'account_cancellation', 'registration_method_unbind']) {
      const note = kinds[key]!.materialNotes?.personal;
      expect(note, key).toBeDefined();
      expect(note!['zh-CN']).toMatch(/人脸识别/);
      expect(note!['zh-CN']).toMatch(/手持身份证/);
      expect(note!.en).toMatch(/face check/);
      expect(note!.en).toMatch(/holding your ID card/);
      // The photos the note speaks of are the slots the form asks for.
      expect(kinds[key]!.materials.personal!.map((s) => s.key)).toEqual(
        expect.arrayContaining(['applicant_id_front', 'applicant_id_back']),
      );
    }
    // Where the seed asks for documents, not a face, nothing is said.
    expect(kinds.mfa_unbind!.materialNotes?.enterprise).toBeUndefined();
    expect(kinds.reused_phone_unbind!.materialNotes).toBeUndefined();
  });
});

describe("seed 004's guidance for departing employees, as macros", () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createDemoTestApp();
  });
  afterAll(() => demo.close());

  it('rule: the departure guidance is a seeded macro in both languages, applied to a ticket reply', async () => {
    const desk = await signedInAs(demo, 'agent');
    const list = await desk.client
      .get('/api/macros')
      .query({ filter: JSON.stringify({ q: 'departure' }) })
      .expect(200);
    const macro = list.body.find((m: { name: string }) => m.name === 'departure.before_leaving');
    expect(macro).toBeDefined();
    expect(macro.active).toBe(true);
    for (const words of ['手机号', '邮箱', '微信', 'QQ', '子用户', '协作者', '密钥', '资源']) expect(macro.bodyZh).toContain(words);
    for (const words of ['phone', 'email', 'WeChat', 'QQ', 'sub-user', 'collaborator', 'API keys', 'resources'])
      expect(macro.bodyEn).toContain(words);
    expect(list.body.map((m: { name: string }) => m.name)).toContain('departure.after_leaving');

    const ticket = await demo.db.ticket.findFirstOrThrow({
      where: { kind: 'login_request', status: 'in_review', contactEmail: { not: null } },
    });
    const rendered = await desk.client.get(`/api/macros/${macro.id}/render`).query({ ticketId: ticket.id }).expect(200);
    expect(rendered.body.body).toContain(ticket.reference);
    expect(rendered.body.body).not.toMatch(/\{\{/);

    const reply = await desk.client.post('/api/messages').send({ ticketId: ticket.id, kind: 'public_reply', body: rendered.body.body });
    expect(reply.status).toBe(201);
    const sent = await demo.db.notification.findFirstOrThrow({
      where: { ticketId: ticket.id, recipient: ticket.contactEmail!, body: { contains: ticket.reference } },
      orderBy: { id: 'desc' },
    });
    expect(sent.body).toContain(ticket.locale === 'en' ? 'API keys' : '密钥');
  });
});
