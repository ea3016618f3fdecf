// The seeds' rules on real-name changes, cancellations and the kinds employee departure needs, each through the
// HTTP API as a customer and the agents would meet it (docs/rules.md names the rule each test stands for).
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  effectOf,
  evaluatePreconditions,
  fourEyesReason,
  kindKeys,
  catalog,
  type AccountFacts,
  type EffectCode,
  type KindKey,
} from '../../server/src/catalog';
import { deskDay, shiftDeskDay } from '../../server/src/calendar/deskCalendar';
import { effects } from '../../server/src/effects/registry';
import type { Account, Ticket } from '../../server/src/generated/prisma/client';
import { identityDigest } from '../../server/src/privacy/identityDigest';
import { colourIdCard } from '../fixtures/evidence';
import { codes, fileAppeal, makeAccount, readyToDecide, type Client } from './support/desk';
import { adultId, creditCodeFor, residentIdFor } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

const DAY = 86_400_000;
const contact = { name: '李娜', email: 'li.na@example.cn' };
const handlerId = residentIdFor('44030519900101002');

let t: TestApp;
let agent: Client;
let supervisor: Client;
let photo: (n: number) => string;
let codeSeq = 0;
const company = () => creditCodeFor(`9144030${String(2_000_000_000 + (codeSeq += 1)).slice(0, 10)}`);

beforeAll(async () => {
  t = await createTestApp();
  const dir = fs.mkdtempSync(path.join(t.dir, 'fixtures-'));
  const made = await Promise.all(
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => colourIdCard(dir, { variant: i, width: 1400 + 16 * i, fileName: `r${i}.jpg` })),
  );
  photo = (n) => made[n % made.length]!;
  agent = await signedInAs(t, 'agent');
  supervisor = await signedInAs(t, 'supervisor');
});
afterAll(() => t.close());

const review = async (ticketId: number) => (await agent.client.get(`/api/tickets/${ticketId}/review`).expect(200)).body;
const failed = (body: { preconditions: { code: string; ok: boolean }[] }) =>
  body.preconditions
    .filter((p) => !p.ok)
    .map((p) => p.code)
    .sort();

async function enterprise(data: Parameters<typeof makeAccount>[1] = {}) {
  const code = company();
  const account = await makeAccount(t, {
    subjectType: 'enterprise',
    companyName: '深圳示例科技有限公司',
    creditCode: code,
    realName: '王强',
    handlerName: '孙丽',
    handlerIdHash: identityDigest(t.config.identityHashKey, handlerId),
    ...data,
  });
  return account;
}

const changeEntity = (a: Account, extra: Record<string, string> = {}) => ({
  kind: 'enterprise_review',
  subjectType: 'enterprise',
  variant: 'change_entity',
  contact,
  fields: {
    accountId: a.uin,
    companyName: a.companyName!,
    creditCode: a.creditCode!,
    newCompanyName: '北京新主体有限公司',
    newCreditCode: company(),
    legalRepName: '王强',
    legalRepIdNumber: adultId,
    newLicenceDate: '2026-01-05',
    newLegalRepName: '赵敏',
    newLegalRepIdNumber: adultId,
    handlerName: '孙丽',
    handlerIdNumber: handlerId,
    ...extra,
  },
});
const changeFiles = (extra: Record<string, string> = {}) => ({
  business_licence: photo(0),
  legal_rep_id_front: photo(1),
  legal_rep_id_back: photo(2),
  change_application_form: photo(3),
  ...extra,
});

describe('real-name changes (enterprise_review)', () => {
  it('rule: the documents of the entity before the change are compulsory — a change of entity without them stays incomplete, the deregistration certificate stands in for them', async () => {
    const a = await enterprise();
    const without = await fileAppeal(t, changeEntity(a), changeFiles());
    expect(without.status, JSON.stringify(without.body)).toBe(201);
    expect(without.body.checklist.complete).toBe(false);
    expect(without.body.checklist.slots.find((s: { key: string }) => s.key === 'original_entity_documents')).toMatchObject({
      required: true,
      state: 'missing',
      alternative: 'deregistration_certificate',
    });

    const b = await enterprise();
    const dissolved = await fileAppeal(t, changeEntity(b), changeFiles({ deregistration_certificate: photo(4) }));
    expect(dissolved.body.checklist.complete).toBe(true);
    const before = await fileAppeal(t, changeEntity(await enterprise()), changeFiles({ original_entity_documents: photo(5) }));
    expect(before.body.checklist.complete).toBe(true);
  });

  it('rule: a change is allowed 30 days after the last real-name verification, not only the last change', async () => {
    const a = await enterprise({ lastRealNameVerifiedAt: new Date(Date.now() - 10 * DAY), lastRealNameChangeAt: null });
    const { ticket } = await readyToDecide(t, agent, changeEntity(a), changeFiles({ original_entity_documents: photo(5) }));
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['real_name_change_interval_30_days']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'real_name_change_interval_30_days').detail.en).toContain(
      '10 day(s) since the last real-name verification',
    );
    const refused = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '通过' });
    expect(refused.status).toBe(409);
    expect(codes(refused.body.blockers)).toContain('precondition_failed');
  });

  it('rule: one enterprise verifies at most 10 accounts — checked on the new credit code', async () => {
    const a = await enterprise();
    const payload = changeEntity(a);
    for (let i = 0; i < 10; i += 1)
      await makeAccount(t, { subjectType: 'enterprise', companyName: '北京新主体有限公司', creditCode: payload.fields.newCreditCode });
    const { ticket } = await readyToDecide(t, agent, payload, changeFiles({ original_entity_documents: photo(5) }));
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['enterprise_max_ten_accounts']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'enterprise_max_ten_accounts').detail.en).toContain('10 accounts');
    // Nine others leave room for this one.
    await t.db.account.updateMany({
      where: { creditCode: payload.fields.newCreditCode, NOT: { id: a.id } },
      data: { status: 'cancelled' },
    });
    expect(failed(await review(ticket.id))).toEqual([]);
  });

  it('rule: a new business licence can only be verified after 7 business days', async () => {
    const issued = deskDay(new Date());
    const a = await enterprise();
    const { ticket } = await readyToDecide(
      t,
      agent,
      changeEntity(a, { newLicenceDate: issued }),
      changeFiles({ original_entity_documents: photo(5) }),
    );
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['new_licence_seven_business_days']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'new_licence_seven_business_days').detail['zh-CN']).toContain(
      `执照 ${issued} 核发`,
    );
    // A date after today is refused at filing.
    const future = await fileAppeal(t, changeEntity(await enterprise(), { newLicenceDate: shiftDeskDay(issued, 2) }), changeFiles());
    expect(future.status).toBe(400);
    expect(future.body.errors['fields.newLicenceDate']).toBe('date.future');
  });

  it('rule: an account in arrears or with advance payments (垫付款) cannot change', async () => {
    const a = await enterprise({ advancePaymentCents: 12_345 });
    const { ticket } = await readyToDecide(t, agent, changeEntity(a), changeFiles({ original_entity_documents: photo(5) }));
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['no_advance_payments']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'no_advance_payments').detail['zh-CN']).toContain('¥123.45');
  });

  it('rule: the enterprise handler cannot be changed — a different declared handler is a blocker no supervisor overrides', async () => {
    const a = await enterprise();
    const { ticket } = await readyToDecide(
      t,
      agent,
      changeEntity(a, { handlerName: '周杰', handlerIdNumber: adultId }),
      changeFiles({ original_entity_documents: photo(5) }),
    );
    const preview = (await review(ticket.id)).decision;
    const handler = preview.blockers.find((b: { code: string }) => b.code === 'handler_changed');
    expect(handler).toMatchObject({ overridable: false });
    await supervisor.client.post(`/api/tickets/${ticket.id}/assign`).send({ agentId: supervisor.agent.id }).expect(200);
    const forced = await supervisor.client
      .post(`/api/tickets/${ticket.id}/decision`)
      .send({ decision: 'approve', message: '通过', override: true, overrideReason: '客户说经办人换人了，先通过' });
    expect(forced.status).toBe(409);
    expect(codes(forced.body.blockers)).toContain('handler_changed');
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).companyName).toBe('深圳示例科技有限公司');
  });

  it('rule: a payment dispute states the transfer amount (0.01–0.99 yuan) and date, and shows the 7-day, 2-tries window', async () => {
    const a = await enterprise();
    const dispute = (fields: Record<string, string>) => ({
      kind: 'enterprise_review',
      subjectType: 'enterprise',
      variant: 'payment_dispute',
      contact,
      fields: { accountId: a.uin, companyName: a.companyName!, creditCode: a.creditCode!, ...fields },
    });
    const tooMuch = await fileAppeal(t, dispute({ transferAmount: '1.20', transferDate: deskDay(new Date()) }), {
      business_licence: photo(0),
      bank_receipt: photo(1),
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors['fields.transferAmount']).toBe('amount.range');

    const sent = shiftDeskDay(deskDay(new Date()), -2);
    const { ticket } = await readyToDecide(t, agent, dispute({ transferAmount: '0.5', transferDate: sent }), {
      business_licence: photo(0),
      bank_receipt: photo(1),
    });
    expect((ticket.fields as Record<string, string>).transferAmount).toBe('0.50');
    const window = (await review(ticket.id)).preconditions.find((p: { code: string }) => p.code === 'transfer_check_window');
    expect(window.ok).toBe(true);
    expect(window.detail['zh-CN']).toBe(`打款 0.50 元于 ${sent}，须在 ${shiftDeskDay(sent, 7)} 前验证，共 2 次机会`);

    const late = shiftDeskDay(deskDay(new Date()), -9);
    const old = await readyToDecide(t, agent, dispute({ transferAmount: '0.37', transferDate: late }), {
      business_licence: photo(2),
      bank_receipt: photo(3),
    });
    expect(failed(await review(old.ticket.id))).toEqual(['transfer_check_window']);
  });
});

describe('what a change may and may not be', () => {
  it('rule: online change of name or legal representative only for 18-character credit codes starting with 9', async () => {
    const other = creditCodeFor('12100000400000624');
    const a = await enterprise({ creditCode: other });
    const payload = {
      kind: 'enterprise_review',
      subjectType: 'enterprise',
      variant: 'change_name',
      contact,
      fields: {
        accountId: a.uin,
        companyName: a.companyName!,
        creditCode: other,
        legalRepName: '王强',
        legalRepIdNumber: adultId,
        newCompanyName: '深圳新名称科技有限公司',
        handlerName: '孙丽',
        handlerIdNumber: handlerId,
      },
    };
    const { ticket } = await readyToDecide(t, agent, payload, changeFiles());
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['online_change_code_starts_with_9']);
    const nine = await enterprise();
    const ok = await readyToDecide(
      t,
      agent,
      { ...payload, fields: { ...payload.fields, accountId: nine.uin, creditCode: nine.creditCode! } },
      changeFiles({
        business_licence: photo(6),
        legal_rep_id_front: photo(7),
        legal_rep_id_back: photo(8),
        change_application_form: photo(9),
      }),
    );
    expect(failed(await review(ok.ticket.id))).toEqual([]);
  });

  it('rule: enterprise → personal is not supported — the review of enterprise documents serves enterprise accounts, and a change of entity names the new company', async () => {
    const a = await enterprise();
    const personal = await fileAppeal(t, { ...changeEntity(a), subjectType: 'personal' }, {});
    expect(personal.status).toBe(400);
    expect(personal.body.errors.subjectType).toBe('subject_type_not_allowed');
    const { newCreditCode: _dropped, ...fields } = changeEntity(a).fields;
    const noCompany = await fileAppeal(t, { ...changeEntity(a), fields }, {});
    expect(noCompany.body.errors['fields.newCreditCode']).toBe('required');
  });

  it('rule: the legal representative before the change is declared and matched against the account', async () => {
    const a = await enterprise({ idNumberHash: identityDigest(t.config.identityHashKey, adultId), idNumberLast4: adultId.slice(-4) });
    const { ticket } = await readyToDecide(
      t,
      agent,
      changeEntity(a, { legalRepName: '冒名者', legalRepIdNumber: handlerId }),
      changeFiles({ original_entity_documents: photo(5) }),
    );
    const comparison = (await review(ticket.id)).comparison.filter((c: { field: string }) => c.field.startsWith('legalRep'));
    expect(comparison.map((c: { result: string }) => c.result)).toEqual(['mismatch', 'mismatch']);
    const blocked = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '通过' });
    expect(codes(blocked.body.blockers)).toContain('identity_mismatch');
  });

  it("rule: a sub-user cannot become an associated account — a sub-user's email cannot be bound as a login email", async () => {
    await enterprise({ members: { create: [{ role: 'sub_user', name: '陈小春', email: 'Dev.Chen@company.cn' }] } });
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(
      t,
      agent,
      {
        kind: 'login_request',
        subjectType: 'personal',
        contact,
        fields: { accountId: a.uin, realName: '张伟', idNumber: adultId, newEmail: 'dev.chen@company.cn' },
      },
      { applicant_id_front: photo(0), applicant_id_back: photo(1) },
    );
    const blocked = await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '通过' });
    expect(blocked.status).toBe(409);
    expect(codes(blocked.body.blockers)).toContain('login_email_taken');
  });

  // No kind of this desk verifies a person anew: a personal account's real name and ID number are only ever matched.
  it("rule: mainland personal → overseas personal is not supported — no kind changes a personal account's identity", async () => {
    const identity = [
      'subjectType',
      'realName',
      'idNumberHash',
      'idNumberLast4',
      'companyName',
      'creditCode',
      'lastRealNameVerifiedAt',
      'lastRealNameChangeAt',
    ];
    // Every value a customer could declare, identity-bearing ones included, so that an effect copying one is seen.
    const declared = (uin: string): Record<string, string> => ({
      accountId: uin,
      realName: '张伟',
      idNumber: adultId,
      applicantName: '李娜',
      applicantIdNumber: handlerId,
      phone: '13900000001',
      newEmail: `fresh${uin}@example.cn`,
      resetMfa: 'yes',
      newSecurityPhone: '13900000002',
      registrationMethod: 'qq',
      newCompanyName: '境外新主体',
      newCreditCode: company(),
      newLegalRepName: 'John Smith',
      newLegalRepIdNumber: 'E12345678',
    });
    const digests = { idNumber: 'b'.repeat(64), applicantIdNumber: 'c'.repeat(64), newLegalRepIdNumber: 'd'.repeat(64) };
    /** The identity columns an effect changed on a real personal account of the test database. */
    const written = async (code: EffectCode) => {
      const before = await makeAccount(t, {
        securityPhone: '13900000001',
        protection: { login: false, operation: false, remoteLogin: false, mfaType: 'none' },
        mfaBound: false,
      });
      // No effect reads the ticket row beyond passing it on.
      const ticket = { id: 0, kind: 'account_cancellation', variant: null } as Ticket;
      await t.db.$transaction((tx) =>
        effects[code].apply({ tx, ticket, fields: declared(before.uin), digests, account: before, now: new Date() }),
      );
      const after = await t.db.account.findUniqueOrThrow({ where: { id: before.id } });
      return identity.filter((k) => JSON.stringify(after[k as keyof Account]) !== JSON.stringify(before[k as keyof Account]));
    };
    // The check sees an identity write where there is one.
    expect(await written('update_enterprise')).toEqual(expect.arrayContaining(['realName', 'idNumberHash']));

    const personalEffects = new Set<EffectCode>();
    for (const key of kindKeys.filter((k: KindKey) => catalog.kinds[k].subjectTypes.includes('personal'))) {
      for (const variant of [null, ...catalog.kinds[key].variants.map((v) => v.key)])
        personalEffects.add(effectOf(catalog.kinds[key], variant));
    }
    expect(personalEffects.size).toBeGreaterThanOrEqual(5);
    expect(personalEffects.has('update_enterprise')).toBe(false);
    for (const code of personalEffects) expect(await written(code), code).toEqual([]);
  });
});

describe('cancellation preconditions (account_cancellation)', () => {
  const cancel = (a: Account, givenUp?: string) => ({
    kind: 'account_cancellation',
    subjectType: 'personal',
    contact,
    fields: { accountId: a.uin, realName: '张伟', idNumber: adultId, ...(givenUp !== undefined && { givenUp }) },
  });
  const idPhotos = () => ({ applicant_id_front: photo(0), applicant_id_back: photo(1) });

  it('rule: unfinished orders, message recipients and advance payments are facts of the account and block', async () => {
    const a = await makeAccount(t, { unfinishedOrders: 2, messageRecipients: 3, advancePaymentCents: 500 });
    const { ticket } = await readyToDecide(t, agent, cancel(a), idPhotos());
    expect(failed(await review(ticket.id))).toEqual(['no_advance_payments', 'no_message_recipients', 'no_unfinished_orders']);
  });

  it('rule: abandonable resources are listed apart and the customer ticks them as given up instead of every resource blocking', async () => {
    const soon = new Date(Date.now() + 40 * DAY).toISOString();
    const later = new Date(Date.now() + 200 * DAY).toISOString();
    const resources = [
      { category: 'cdn_traffic_package', name: 'CDN 流量包 100 GB' },
      { category: 'ssl_certificate', name: 'SSL 证书 a.example.cn', expiresAt: soon },
    ];
    const a = await makeAccount(t, { vouchers: 2, abandonableResources: resources });
    const unticked = await readyToDecide(t, agent, cancel(a), idPhotos());
    const body = await review(unticked.ticket.id);
    expect(failed(body)).toEqual(['abandonable_resources_given_up', 'no_balance_or_vouchers']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'abandonable_resources_given_up').detail['zh-CN']).toBe(
      '客户未勾选放弃：CDN 流量包、三个月内到期的 SSL 证书',
    );

    const b = await makeAccount(t, { vouchers: 2, abandonableResources: resources });
    const ticked = await readyToDecide(t, agent, cancel(b, 'voucher,ssl_certificate,cdn_traffic_package'), idPhotos());
    expect(failed(await review(ticked.ticket.id))).toEqual([]);

    // A certificate that runs for more than three months is a resource in use: ticking does not give it up.
    const c = await makeAccount(t, {
      abandonableResources: [{ category: 'ssl_certificate', name: 'SSL 证书 b.example.cn', expiresAt: later }],
    });
    const kept = await readyToDecide(t, agent, cancel(c, 'ssl_certificate'), idPhotos());
    const keptBody = await review(kept.ticket.id);
    expect(failed(keptBody)).toEqual(['abandonable_resources_given_up']);
    expect(keptBody.preconditions.find((p: { code: string }) => p.code === 'abandonable_resources_given_up').detail.en).toContain(
      'Delete first (cannot be given up): SSL 证书 b.example.cn',
    );

    const unknown = await fileAppeal(t, cancel(c, 'ssl_certificate,ecs_instance'), idPhotos());
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors['fields.givenUp']).toBe('select.not_an_option');
  });

  it('rule: the form offers exactly the resources the seeds call abandonable', async () => {
    const catalog = (await request(t.app).get('/api/public/catalog').expect(200)).body;
    const field = catalog.kinds
      .find((k: { key: string }) => k.key === 'account_cancellation')
      .fields.find((f: { key: string }) => f.key === 'givenUp');
    expect(field.type).toBe('checklist');
    expect(field.options.map((o: { label: { 'zh-CN': string } }) => o.label['zh-CN'])).toEqual([
      '代金券',
      '三个月内到期的 SSL 证书',
      'CDN 流量包',
      '云市场小程序',
      '压测大师',
      '短信套餐资源',
      '云点播日结资源包',
      '直播套餐包',
      '建站主机',
      '云点播文件存储资源',
    ]);
  });

  it('rule: a rejected application may be filed again — the same account files a new cancellation after a rejection, and it can be approved', async () => {
    const a = await makeAccount(t);
    const first = await readyToDecide(t, agent, cancel(a), idPhotos());
    const rejected = await agent.client
      .post(`/api/tickets/${first.ticket.id}/decision`)
      .send({ decision: 'reject', reasonCode: 'preconditions_unmet', message: '账号仍有未结清的费用' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.status).toBe('rejected');

    const again = await readyToDecide(t, agent, cancel(a), { applicant_id_front: photo(2), applicant_id_back: photo(3) });
    expect(again.ticket.id).not.toBe(first.ticket.id);
    expect(again.ticket.accountId).toBe(a.id);
    const proposed = await agent.client.post(`/api/tickets/${again.ticket.id}/decision`).send({ decision: 'approve', message: '已注销' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(202);
    expect((await supervisor.client.post(`/api/tickets/${again.ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('cancelled');
  });

  it("rule: an unverified account's cancellation needs no materials, but a code sent to its on-file security phone or email", async () => {
    const codeFor = async (uin: string, recipient: string) => {
      const asked = await request(t.app).post('/api/public/owner-codes').send({ accountId: uin });
      expect(asked.status).toBe(202);
      const sent = await t.db.notification.findFirstOrThrow({ where: { recipient, secret: true }, orderBy: { id: 'desc' } });
      const verified = await request(t.app)
        .post(`/api/public/owner-codes/${asked.body.challengeId}/verify`)
        .send({ code: /\b(\d{6})\b/.exec(sent.body)![1] });
      expect(verified.status).toBe(200);
      return verified.body.proof as string;
    };
    const unverified = { subjectType: 'unverified' as const, realName: null, idNumberHash: null, idNumberLast4: null };
    const payload = (a: Account, ownerProof?: string) => ({
      kind: 'account_cancellation',
      subjectType: 'unverified',
      contact,
      fields: { accountId: a.uin },
      ...(ownerProof && { ownerProof }),
    });
    expect(catalog.kinds.account_cancellation.materials.unverified).toEqual([]);

    const byPhone = await makeAccount(t, unverified);
    const without = await fileAppeal(t, payload(byPhone));
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('OWNER_CODE_REQUIRED');
    const filed = await fileAppeal(t, payload(byPhone, await codeFor(byPhone.uin, byPhone.securityPhone!)));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await t.db.ticket.findUniqueOrThrow({ where: { reference: filed.body.reference } })).ownerVerifiedAt).not.toBeNull();

    // Without a security phone on file, the code goes to the security email.
    const byEmail = await makeAccount(t, { ...unverified, securityPhone: null });
    expect((await fileAppeal(t, payload(byEmail, await codeFor(byEmail.uin, byEmail.securityEmail!)))).status).toBe(201);
  });
});

describe('numbers the seeds give, through the review', () => {
  it('rule: one number is the security phone of at most 5 accounts — a change to a number already on 5 accounts fails at review', async () => {
    const phone = '13811112222';
    const holders = [];
    for (let i = 0; i < 5; i += 1) holders.push(await makeAccount(t, { securityPhone: phone }));
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(
      t,
      agent,
      {
        kind: 'security_phone_change',
        subjectType: 'personal',
        contact,
        fields: { accountId: a.uin, realName: '张伟', idNumber: adultId, newSecurityPhone: phone },
      },
      { applicant_id_front: photo(4), applicant_id_back: photo(5) },
    );
    const body = await review(ticket.id);
    expect(failed(body)).toEqual(['phone_max_five_accounts']);
    expect(body.preconditions.find((p: { code: string }) => p.code === 'phone_max_five_accounts').detail.en).toContain('5 accounts');
    // Four others leave room for this one.
    await t.db.account.update({ where: { id: holders[0]!.id }, data: { securityPhone: null } });
    expect(failed(await review(ticket.id))).toEqual([]);
  });
});

describe('kinds employee departure needs', () => {
  it("rule: a departed employee's login-protection verifier is unbound on approval (seed 004), and only the verifier on file", async () => {
    const a = await enterprise({
      protection: {
        login: true,
        operation: false,
        remoteLogin: false,
        mfaType: 'none',
        verifier: { type: 'wechat', identifier: 'wxid_left2025' },
      },
    });
    const payload = (identifier: string) => ({
      kind: 'protection_verifier_unbind',
      subjectType: 'enterprise',
      contact,
      fields: {
        accountId: a.uin,
        companyName: a.companyName!,
        creditCode: a.creditCode!,
        verifierType: 'wechat',
        verifierIdentifier: identifier,
        handlerName: '孙丽',
        handlerIdNumber: handlerId,
      },
    });
    const files = { business_licence: photo(0), authorisation_letter: photo(1), handler_id_front: photo(2), handler_id_back: photo(3) };
    const wrong = await readyToDecide(t, agent, payload('wxid_someone_else'), files);
    const blocked = await agent.client.post(`/api/tickets/${wrong.ticket.id}/decision`).send({ decision: 'approve', message: '通过' });
    expect(blocked.status).toBe(409);
    expect(codes(blocked.body.blockers)).toContain('verifier_not_on_file');

    const right = await readyToDecide(t, agent, payload('WXID_left2025'), {
      business_licence: photo(6),
      authorisation_letter: photo(7),
      handler_id_front: photo(8),
      handler_id_back: photo(9),
    });
    const proposed = await agent.client.post(`/api/tickets/${right.ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(202);
    expect((await supervisor.client.post(`/api/tickets/${right.ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
    const after = await t.db.account.findUniqueOrThrow({ where: { id: a.id } });
    expect(after.protection).toEqual({ login: true, operation: false, remoteLogin: false, mfaType: 'none' });
  });

  it('rule: enterprise account retrieval returns the accounts and their login methods, masked', async () => {
    const a = await enterprise({
      loginMethods: [
        { type: 'qq', identifier: '123456789', registration: true },
        { type: 'email', identifier: 'boss@company.cn', registration: false },
      ],
    });
    const sibling = await makeAccount(t, {
      subjectType: 'enterprise',
      companyName: a.companyName,
      creditCode: a.creditCode,
      loginMethods: [{ type: 'wechat', identifier: 'wxid_finance01', registration: true }],
    });
    const { ticket } = await readyToDecide(
      t,
      agent,
      {
        kind: 'enterprise_review',
        subjectType: 'enterprise',
        variant: 'account_retrieval',
        contact,
        fields: { companyName: a.companyName!, creditCode: a.creditCode! },
      },
      { business_licence: photo(0), legal_rep_id_front: photo(1), legal_rep_id_back: photo(2) },
    );
    const preview = (await review(ticket.id)).decision;
    expect(preview.effect.code).toBe('report_enterprise_accounts');
    expect(
      (await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已为您找回账号。' })).status,
    ).toBe(200);
    const reply = await t.db.message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: 'public_reply' } });
    expect(reply.body).toContain(`${a.uin}: QQ `);
    expect(reply.body).toContain(sibling.uin);
    expect(reply.body).not.toContain('boss@company.cn');
    expect(reply.body).not.toContain('123456789');
    expect(reply.body).not.toContain('wxid_finance01');
    const mail = await t.db.notification.findFirstOrThrow({
      where: { ticketId: ticket.id, recipient: contact.email, body: { contains: sibling.uin } },
    });
    expect(mail.body).toContain('已为您找回账号。');
    expect(await t.db.account.findUniqueOrThrow({ where: { id: a.id } })).toEqual(a);
  });

  it('rule: the reused-phone review shows every holder of the number (masked), sub-users and collaborators included, and the release clears them all', async () => {
    const phone = '13766554433';
    const holder = await makeAccount(t, { securityPhone: phone, realName: '欧阳娜娜' });
    const main = await enterprise({
      members: {
        create: [
          { role: 'sub_user', name: '陈小春', phone },
          { role: 'collaborator', name: '林志玲', phone: '13700000000' },
        ],
      },
    });
    const { ticket } = await readyToDecide(
      t,
      agent,
      {
        kind: 'reused_phone_unbind',
        subjectType: 'personal',
        contact,
        fields: { phone, applicantName: '李娜', applicantIdNumber: adultId },
      },
      { applicant_id_front: photo(0), applicant_id_back: photo(1), phone_ownership_proof: photo(2) },
    );
    const holders = (await review(ticket.id)).phoneHolders;
    expect(holders).toEqual([
      { role: 'account', uin: holder.uin, subjectType: 'personal', name: '欧**娜', status: 'active' },
      { role: 'sub_user', uin: main.uin, subjectType: 'enterprise', name: '陈*春', status: 'active' },
    ]);
    expect((await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' })).status).toBe(
      202,
    );
    expect((await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true })).status).toBe(200);
    expect(await t.db.accountMember.count({ where: { phone } })).toBe(0);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: holder.id } })).securityPhone).toBeNull();
    const told = await t.db.notification.findMany({ where: { ticketId: ticket.id, recipient: main.securityEmail! } });
    expect(told.length).toBeGreaterThan(0);
  });

  it('rule: an unverified account may file a login request only by proving control with a code on its on-file channel (reason in the catalog)', async () => {
    const a = await makeAccount(t, { subjectType: 'unverified', realName: null, idNumberHash: null, idNumberLast4: null });
    const filed = await fileAppeal(t, {
      kind: 'login_request',
      subjectType: 'unverified',
      contact,
      fields: { accountId: a.uin, newEmail: `fresh${a.uin}@example.cn` },
    });
    expect(filed.status).toBe(400);
    expect(filed.body.code).toBe('OWNER_CODE_REQUIRED');
    const catalog = (await request(t.app).get('/api/public/catalog').expect(200)).body;
    const kind = catalog.kinds.find((k: { key: string }) => k.key === 'login_request');
    expect(kind.ownerCode.unverified).toBe('required');
    expect(kind.subjectTypeNotes.unverified['zh-CN']).toContain('验证码');
  });
});

describe('preconditions judged alone', () => {
  const base: AccountFacts = {
    subjectType: 'enterprise',
    securityPhone: null,
    loginMethods: [],
    mfaBound: false,
    protection: { login: false, operation: false, remoteLogin: false, mfaType: 'none' },
    balanceCents: 0,
    arrearsCents: 0,
    vouchers: 0,
    resourcesInUse: 0,
    subUsers: 0,
    collaborators: 0,
    openComplaints: 0,
    lastRealNameChangeAt: null,
    status: 'active',
  };
  it('rule: personal → enterprise is the only change exempt from the 30 days — an enterprise change counts from the later of verification and change', () => {
    const now = new Date('2026-11-29T04:00:00Z');
    const run = (f: Partial<AccountFacts>) =>
      evaluatePreconditions('enterprise_review', { ...base, ...f }, now, 'change_name').find(
        (p) => p.code === 'real_name_change_interval_30_days',
      )!.ok;
    expect(run({ lastRealNameChangeAt: new Date('2026-09-01T00:00:00Z'), lastRealNameVerifiedAt: new Date('2026-11-20T00:00:00Z') })).toBe(
      false,
    );
    expect(run({ lastRealNameChangeAt: new Date('2026-11-20T00:00:00Z'), lastRealNameVerifiedAt: new Date('2026-09-01T00:00:00Z') })).toBe(
      false,
    );
    expect(run({ lastRealNameChangeAt: null, lastRealNameVerifiedAt: new Date('2026-10-29T00:00:00Z') })).toBe(true);
  });
});

describe('who must be told, and who may decide', () => {
  it('rule: a change is told to the on-file security phone and email at filing and at approval, besides the contact typed on the appeal', async () => {
    const a = await makeAccount(t);
    const { ticket } = await readyToDecide(
      t,
      agent,
      {
        kind: 'mfa_unbind',
        subjectType: 'personal',
        contact: { name: '张伟', email: 'typed.on.form@example.cn' },
        fields: { loginAccount: a.uin, accountId: a.uin, realName: '张伟', idNumber: adultId, currentPhone: '13800001111' },
      },
      { applicant_id_front: photo(6), applicant_id_back: photo(7) },
    );
    const told = async (after = 0) =>
      new Set((await t.db.notification.findMany({ where: { ticketId: ticket.id, id: { gt: after } } })).map((n) => n.recipient));
    const everyone = [a.securityPhone!, a.securityEmail!, 'typed.on.form@example.cn'];
    expect([...(await told())]).toEqual(expect.arrayContaining(everyone));

    const before = (await t.db.notification.aggregate({ where: { ticketId: ticket.id }, _max: { id: true } }))._max.id!;
    await agent.client.post(`/api/tickets/${ticket.id}/decision`).send({ decision: 'approve', message: '已解绑' }).expect(202);
    await supervisor.client.post(`/api/tickets/${ticket.id}/decision/confirm`).send({ approve: true }).expect(200);
    expect([...(await told(before))]).toEqual(expect.arrayContaining(everyone));
  });

  it("rule: irreversible or sign-in-changing effects need a second person's confirmation — cancellation, MFA unbind, new login email, security-phone change, registration-method removal, entity and name changes", () => {
    const mustConfirm: [KindKey, string | null][] = [
      ['account_cancellation', null],
      ['mfa_unbind', null],
      ['login_request', null],
      ['security_phone_change', null],
      ['registration_method_unbind', null],
      ['enterprise_review', 'change_entity'],
      ['enterprise_review', 'change_name'],
      ['enterprise_review', 'change_legal_rep'],
      ['reused_phone_unbind', null],
      ['protection_verifier_unbind', null],
    ];
    for (const [kind, variant] of mustConfirm) expect(fourEyesReason(kind, variant), `${kind}/${variant ?? '-'}`).not.toBeNull();
  });
});
