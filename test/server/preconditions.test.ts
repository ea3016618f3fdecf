import { describe, expect, it } from 'vitest';
import { AccountFactsSchema, evaluatePreconditions, preconditionCodes, type AccountFacts, type KindKey } from '../../server/src/catalog';
import { evaluatePrecondition } from '../../server/src/catalog/preconditions';

const now = new Date('2025-06-01T04:00:00Z');

const facts = (overrides: Partial<AccountFacts> = {}): AccountFacts => ({
  subjectType: 'personal',
  securityPhone: '13800138000',
  loginMethods: [
    { type: 'wechat', identifier: 'wx_zhangsan', registration: true },
    { type: 'email', identifier: 'zhang.san@example.com', registration: false },
  ],
  mfaBound: true,
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
  ...overrides,
});

const failing = (kind: KindKey, account: AccountFacts, variant?: string) =>
  evaluatePreconditions(kind, account, now, variant)
    .filter((result) => !result.ok)
    .map((result) => result.code);

describe('account_cancellation preconditions', () => {
  it('passes a clean account', () => {
    expect(failing('account_cancellation', facts())).toEqual([]);
  });

  // Rewritten: seed 002 lists vouchers among the resources a cancelling customer may give up.
  it('rule: no cash balance; vouchers block until the customer ticks them as given up', () => {
    expect(failing('account_cancellation', facts({ balanceCents: 1250 }))).toEqual(['no_balance_or_vouchers']);
    expect(failing('account_cancellation', facts({ vouchers: 2 }))).toEqual(['no_balance_or_vouchers']);
    const givenUp = evaluatePreconditions('account_cancellation', facts({ vouchers: 2 }), now, null, { declared: { givenUp: 'voucher' } });
    expect(givenUp.filter((r) => !r.ok)).toEqual([]);
    const [balance] = evaluatePreconditions('account_cancellation', facts({ balanceCents: 1250 }), now).filter((r) => !r.ok);
    expect(balance?.detail?.en).toContain('¥12.50');
  });

  it('rule: cancellation needs no arrears — is blocked by arrears', () => {
    expect(failing('account_cancellation', facts({ arrearsCents: 99 }))).toEqual(['no_arrears']);
  });

  it('rule: cancellation needs no resources in use — is blocked by resources in use', () => {
    expect(failing('account_cancellation', facts({ resourcesInUse: 3 }))).toEqual(['no_resources_in_use']);
  });

  it('rule: cancellation needs every sub-user and collaborator deleted — is blocked by sub-users or collaborators', () => {
    expect(failing('account_cancellation', facts({ subUsers: 1 }))).toEqual(['no_sub_users_or_collaborators']);
    expect(failing('account_cancellation', facts({ collaborators: 4 }))).toEqual(['no_sub_users_or_collaborators']);
  });

  it('rule: cancellation needs no open complaints — is blocked by open complaints', () => {
    expect(failing('account_cancellation', facts({ openComplaints: 1 }))).toEqual(['no_open_complaints']);
  });

  it('is blocked for an account already cancelled', () => {
    expect(failing('account_cancellation', facts({ status: 'cancelled' }))).toEqual(['not_cancelled']);
  });

  it('labels each result and explains failures in both languages', () => {
    const results = evaluatePreconditions('account_cancellation', facts({ resourcesInUse: 3 }), now);
    for (const result of results) expect(result.label['zh-CN']).toMatch(/\S/);
    const resources = results.find((r) => r.code === 'no_resources_in_use');
    expect(resources).toMatchObject({ ok: false, detail: { 'zh-CN': '3 项资源正在使用', en: '3 resource(s) in use' } });
  });
});

describe('registration_method_unbind preconditions', () => {
  it('passes an account with two login methods, a security phone and no protection', () => {
    expect(failing('registration_method_unbind', facts())).toEqual([]);
  });

  it('rule: unbinding the registration method needs two or more login methods — needs two login methods', () => {
    const single = facts({ loginMethods: [{ type: 'wechat', identifier: 'wx_zhangsan', registration: true }] });
    expect(failing('registration_method_unbind', single)).toEqual(['two_login_methods']);
  });

  it('rule: unbinding the registration method needs a security phone bound — needs a security phone', () => {
    expect(failing('registration_method_unbind', facts({ securityPhone: null }))).toEqual(['security_phone_bound']);
    expect(failing('registration_method_unbind', facts({ securityPhone: '' }))).toEqual(['security_phone_bound']);
  });

  it('rule: the registration method must not be set as login, operation or remote-login protection, or hardware or virtual MFA — is blocked while a protection or MFA device could be verifying with the registration method', () => {
    const protectedAccount = facts({ protection: { login: true, operation: false, remoteLogin: false, mfaType: 'virtual' } });
    expect(failing('registration_method_unbind', protectedAccount)).toEqual(['registration_method_not_protection']);
    const [result] = evaluatePreconditions('registration_method_unbind', protectedAccount, now).filter((r) => !r.ok);
    expect(result?.detail?.['zh-CN']).toBe('已开启：登录保护、虚拟 MFA');
  });
});

describe('other kinds', () => {
  it('mfa_unbind needs an MFA device to unbind', () => {
    expect(failing('mfa_unbind', facts({ mfaBound: false }))).toEqual(['mfa_bound']);
  });

  it('rule: one number is the security phone of at most 5 accounts — security_phone_change refuses a new phone that is already on 5 accounts', () => {
    expect(failing('security_phone_change', facts({ accountsSharingSecurityPhone: 5 }))).toEqual(['phone_max_five_accounts']);
    expect(failing('security_phone_change', facts({ accountsSharingSecurityPhone: 4 }))).toEqual([]);
    expect(failing('security_phone_change', facts())).toEqual([]);
  });

  // Rewritten: seed 002 counts the 30 days from the last real-name verification, a change being one of them.
  it('rule: enterprise_review changes wait 30 days after the last real-name verification or change, and need no arrears', () => {
    const enterprise = (days: number, arrearsCents = 0) =>
      facts({
        subjectType: 'enterprise',
        creditCode: '91350100M000100Y43',
        arrearsCents,
        lastRealNameChangeAt: new Date(now.getTime() - days * 86_400_000),
      });
    expect(failing('enterprise_review', enterprise(10), 'change_name')).toEqual(['real_name_change_interval_30_days']);
    expect(failing('enterprise_review', enterprise(30), 'change_name')).toEqual([]);
    const verified = facts({
      subjectType: 'enterprise',
      creditCode: '91350100M000100Y43',
      lastRealNameVerifiedAt: new Date(now.getTime() - 12 * 86_400_000),
    });
    expect(failing('enterprise_review', verified, 'change_name')).toEqual(['real_name_change_interval_30_days']);
    expect(failing('enterprise_review', enterprise(40, 500), 'change_entity')).toEqual(['no_arrears']);
  });

  it('enterprise_review account retrieval and payment disputes skip the change-only preconditions', () => {
    const account = facts({ subjectType: 'enterprise', arrearsCents: 500, lastRealNameChangeAt: now });
    expect(evaluatePreconditions('enterprise_review', account, now, 'account_retrieval').map((r) => r.code)).toEqual(['not_cancelled']);
    expect(evaluatePreconditions('enterprise_review', account, now, 'payment_dispute').map((r) => r.code)).toEqual([
      'not_cancelled',
      'transfer_check_window',
    ]);
    expect(failing('enterprise_review', account, 'payment_dispute')).toEqual([]);
  });

  it('answers nothing for an unknown kind', () => {
    expect(evaluatePreconditions('password_reset', facts(), now)).toEqual([]);
  });

  it('has an evaluator and a label for every precondition code', () => {
    for (const code of preconditionCodes) {
      const result = evaluatePrecondition(code, facts(), now);
      expect(result.code).toBe(code);
      expect(typeof result.ok).toBe('boolean');
      expect(result.label.en).toMatch(/\S/);
    }
  });
});

describe('AccountFactsSchema', () => {
  it('parses facts read as JSON, turning the last change date into a Date', () => {
    const parsed = AccountFactsSchema.parse(JSON.parse(JSON.stringify(facts({ lastRealNameChangeAt: now }))));
    expect(parsed.lastRealNameChangeAt).toEqual(now);
  });

  it('rejects an unknown login method type or a negative balance', () => {
    const raw = { ...facts(), loginMethods: [{ type: 'fax', identifier: '1', registration: true }] };
    expect(AccountFactsSchema.safeParse(raw).success).toBe(false);
    expect(AccountFactsSchema.safeParse(facts({ balanceCents: -1 })).success).toBe(false);
  });
});
