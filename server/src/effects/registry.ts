import { effectOf, getKind, maskIdentifier, type BlockerCode, type EffectCode, type Localized } from '../catalog';
import type { Account, Prisma, Ticket } from '../generated/prisma/client';
import { serializeIn } from '../db/serialize';
import { conflict } from '../http/errors';
import { maskCode, maskEmail, maskPhone } from '../privacy/mask';

type LoginMethod = { type: string; identifier: string; registration: boolean };
type Protection = {
  login?: boolean;
  operation?: boolean;
  remoteLogin?: boolean;
  mfaType?: string;
  verifier?: { type: string; identifier: string };
};

export type AccountChange = { accountId: number; uin: string; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject };

export type EffectOutcome = {
  changes: AccountChange[];
  /** Owners of other accounts who must be told (a released security phone). */
  tellOwners: { accountId: number; securityEmail: string | null; phone: string }[];
  /** Facts for the agent, such as the accounts an enterprise retrieval found. */
  facts?: Prisma.InputJsonObject;
  /** What the customer is told besides the agent's message (the accounts a retrieval found, masked). */
  reply?: Localized;
};

type EffectInput = {
  tx: Prisma.TransactionClient;
  ticket: Ticket;
  fields: Record<string, string>;
  digests: Record<string, string>;
  account: Account | null;
  now: Date;
};

type StatementInput = { uin: string; fields: Record<string, string>; variant: string | null };

export type EffectDef = {
  /** Declared field keys the effect reads; a catalog test checks every kind with this effect declares them. */
  reads: readonly string[];
  needsAccount: boolean;
  /** The declared phone the appeal is about, counted against the five-accounts-per-phone rule. */
  phoneField?: string;
  /** The declared credit code the account moves to, counted against the ten-accounts-per-enterprise rule. */
  creditCodeField?: string;
  /** What approval does, as a verb phrase ("unbind the MFA device from account …") for the agent and the owner. */
  statement: (input: StatementInput) => Localized;
  /** Why the directory refuses this change whatever anyone overrides (a value another account already holds). */
  conflictIn?: (tx: Prisma.TransactionClient, input: { account: Account; fields: Record<string, string> }) => Promise<Localized | null>;
  /** The blocker a conflict is reported as. */
  conflictBlocker?: BlockerCode;
  /**
   * The declared tick ("modify MFA") by which approval also resets MFA. Seed 002: an account with login MFA must have
   * it ticked (blocker `mfa_reset_not_ticked`); ticked for an account without MFA, the agent gets a note.
   */
  mfaResetField?: string;
  apply: (input: EffectInput) => Promise<EffectOutcome>;
};

const said = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

const methodNames = {
  qq: said('QQ', 'QQ'),
  wechat: said('微信', 'WeChat'),
  wecom: said('企业微信', 'WeCom'),
  email: said('邮箱', 'email'),
  official_account: said('公众号', 'official account'),
  phone: said('手机', 'phone'),
};

/** A login identifier shown masked: an email or phone by its own rule, anything else by its last characters. */
function maskLogin(m: { type: string; identifier: string }): string {
  if (m.type === 'email') return maskEmail(m.identifier) ?? '';
  if (m.type === 'phone') return maskPhone(m.identifier) ?? '';
  return maskIdentifier(m.identifier, Math.min(3, Math.floor(m.identifier.length / 3)));
}

/** Whether the account's login protection verifies with the declared method (compared as the seeds name it). */
function verifierOf(account: Account, fields: Record<string, string>): boolean {
  const v = (account.protection as Protection).verifier;
  return Boolean(
    v && v.type === fields.verifierType && v.identifier.trim().toLowerCase() === (fields.verifierIdentifier ?? '').trim().toLowerCase(),
  );
}

/**
 * Seed 001: an address already registered, or associated with another account, cannot be associated again. The
 * JSON column is narrowed by text first (the same SQL on SQLite and PostgreSQL), then each candidate is read exactly.
 */
async function loginEmailHolder(tx: Prisma.TransactionClient, accountId: number, email: string): Promise<string | null> {
  const e = email.trim().toLowerCase();
  const rows = await tx.$queryRaw<{ uin: string; securityEmail: string | null; loginMethods: unknown }[]>`
    SELECT "uin", "securityEmail", "loginMethods" FROM "Account"
    WHERE "id" <> ${accountId} AND (LOWER("securityEmail") = ${e} OR LOWER(CAST("loginMethods" AS TEXT)) LIKE ${`%${e}%`})`;
  for (const r of rows) {
    const methods = (typeof r.loginMethods === 'string' ? JSON.parse(r.loginMethods) : r.loginMethods) as LoginMethod[];
    if (r.securityEmail?.toLowerCase() === e || methods.some((m) => m.type === 'email' && m.identifier.toLowerCase() === e)) return r.uin;
  }
  // Seeds 001 and 002: a sub-user cannot become an associated account, so a sub-user's address is taken too.
  const [member] = await tx.$queryRaw<{ uin: string }[]>`
    SELECT a."uin" FROM "AccountMember" m JOIN "Account" a ON a."id" = m."accountId"
    WHERE m."role" = 'sub_user' AND LOWER(m."email") = ${e} LIMIT 1`;
  return member?.uin ?? null;
}

// Kept in the audit event as JSON: dates become ISO strings.
const picked = (a: Account, keys: readonly (keyof Account)[]) =>
  JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, a[k]])))) as Prisma.InputJsonObject;

/** Updates one account and records the fields it touched, before and after. */
async function change(tx: Prisma.TransactionClient, account: Account, data: Prisma.AccountUpdateInput): Promise<AccountChange> {
  const keys = Object.keys(data) as (keyof Account)[];
  const updated = await tx.account.update({ where: { id: account.id }, data });
  return { accountId: account.id, uin: account.uin, before: picked(account, keys), after: picked(updated, keys) };
}

/** The account has login MFA: a device bound, or an MFA type set in its protection settings. */
export const hasLoginMfa = (a: Pick<Account, 'mfaBound' | 'protection'>): boolean => {
  const type = (a.protection as Protection | null)?.mfaType;
  return a.mfaBound || (type !== undefined && type !== 'none');
};

const noMfa = (a: Account) => ({ mfaBound: false, protection: { ...(a.protection as Protection), mfaType: 'none' } });

const single = (c: AccountChange): EffectOutcome => ({ changes: [c], tellOwners: [] });

/** What approval does to the directory, by the catalog's effect code (docs/rules.md, seeds 000–004). */
export const effects: Record<EffectCode, EffectDef> = {
  unbind_mfa: {
    reads: [],
    needsAccount: true,
    statement: ({ uin }) => said(`解绑账号 ${uin} 的 MFA 设备`, `unbind the MFA device from account ${uin}`),
    apply: async ({ tx, account }) => single(await change(tx, account!, noMfa(account!))),
  },
  release_phone: {
    reads: ['phone'],
    needsAccount: false,
    phoneField: 'phone',
    statement: ({ fields }) =>
      said(
        `从所有以 ${maskPhone(fields.phone ?? '')} 为安全手机的账号上解除该号码`,
        `remove ${maskPhone(fields.phone ?? '')} as security phone from every account that has it`,
      ),
    async apply({ tx, fields }) {
      const holders = await tx.account.findMany({ where: { securityPhone: fields.phone } });
      const changes: AccountChange[] = [];
      for (const a of holders) changes.push(await change(tx, a, { securityPhone: null }));
      // Seed 002: the number may be a sub-user's or collaborator's of a main account nobody can reach any more.
      const members = await tx.accountMember.findMany({ where: { phone: fields.phone }, include: { account: true } });
      for (const m of members) {
        await tx.accountMember.update({ where: { id: m.id }, data: { phone: null } });
        changes.push({
          accountId: m.accountId,
          uin: m.account.uin,
          before: { member: m.id, role: m.role, phone: fields.phone! },
          after: { member: m.id, role: m.role, phone: null },
        });
      }
      const told = [...holders, ...members.map((m) => m.account)].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
      return { changes, tellOwners: told.map((a) => ({ accountId: a.id, securityEmail: a.securityEmail, phone: fields.phone! })) };
    },
  },
  bind_login_email: {
    reads: ['newEmail', 'resetMfa'],
    needsAccount: true,
    mfaResetField: 'resetMfa',
    statement: ({ uin, fields }) => {
      const email = maskEmail(fields.newEmail ?? '');
      return fields.resetMfa === 'yes'
        ? said(
            `为账号 ${uin} 绑定新的登录邮箱 ${email}（替换原邮箱登录方式），并解绑 MFA 设备`,
            `bind ${email} as the login email of account ${uin} (replacing any login email) and unbind its MFA device`,
          )
        : said(
            `为账号 ${uin} 绑定新的登录邮箱 ${email}（替换原邮箱登录方式）`,
            `bind ${email} as the login email of account ${uin} (replacing any login email)`,
          );
    },
    conflictBlocker: 'login_email_taken',
    async conflictIn(tx, { account, fields }) {
      const holder = fields.newEmail ? await loginEmailHolder(tx, account.id, fields.newEmail) : null;
      return holder
        ? said(
            `${maskEmail(fields.newEmail!)} 已被账号 ${holder} 使用`,
            `${maskEmail(fields.newEmail!)} is already used by account ${holder}`,
          )
        : null;
    },
    async apply({ tx, account, fields }) {
      const a = account!;
      // Checked again under a lock: two approvals binding one address to two accounts cannot both pass.
      await serializeIn(tx, 'login-email');
      if (await loginEmailHolder(tx, a.id, fields.newEmail!))
        throw conflict('The new login email was bound to another account meanwhile', 'LOGIN_EMAIL_TAKEN');
      const methods = (a.loginMethods as LoginMethod[]).filter((m) => m.type !== 'email');
      const previous = (a.loginMethods as LoginMethod[]).find((m) => m.type === 'email');
      methods.push({ type: 'email', identifier: fields.newEmail!, registration: previous?.registration ?? false });
      return single(await change(tx, a, { loginMethods: methods, ...(fields.resetMfa === 'yes' ? noMfa(a) : {}) }));
    },
  },
  update_enterprise: {
    reads: ['newCompanyName', 'newCreditCode', 'newLegalRepName'],
    needsAccount: true,
    creditCodeField: 'newCreditCode',
    statement: ({ uin, fields }) => {
      const parts: Localized[] = [];
      if (fields.newCompanyName)
        parts.push(said(`企业名称改为“${fields.newCompanyName}”`, `the company name becomes "${fields.newCompanyName}"`));
      if (fields.newCreditCode)
        parts.push(
          said(`统一社会信用代码改为 ${maskCode(fields.newCreditCode)}`, `the credit code becomes ${maskCode(fields.newCreditCode)}`),
        );
      if (fields.newLegalRepName)
        parts.push(said(`企业法人改为 ${fields.newLegalRepName}`, `the legal representative becomes ${fields.newLegalRepName}`));
      return said(
        `变更账号 ${uin} 的企业实名信息：${parts.map((p) => p['zh-CN']).join('，')}`,
        `change the enterprise verification of account ${uin}: ${parts.map((p) => p.en).join(', ')}`,
      );
    },
    async apply({ tx, account, fields, digests, now }) {
      if (!account) throw conflict('The appeal names no account in the directory', 'NO_ACCOUNT');
      const data: Prisma.AccountUpdateInput = { lastRealNameChangeAt: now, lastRealNameVerifiedAt: now };
      if (fields.newCompanyName) data.companyName = fields.newCompanyName;
      if (fields.newCreditCode) data.creditCode = fields.newCreditCode;
      if (fields.newLegalRepName) data.realName = fields.newLegalRepName;
      if (digests.newLegalRepIdNumber) {
        data.idNumberHash = digests.newLegalRepIdNumber;
        data.idNumberLast4 = fields.newLegalRepIdNumber?.slice(-4) ?? null;
      }
      return single(await change(tx, account, data));
    },
  },
  // Seeds 002 and 004: the company's accounts and their login methods are returned, masked; nothing changes.
  report_enterprise_accounts: {
    reads: ['creditCode'],
    needsAccount: false,
    statement: ({ fields }) =>
      said(
        `告知客户统一社会信用代码 ${maskCode(fields.creditCode ?? '')} 名下的账号及登录方式（脱敏，不变更账号）`,
        `tell the customer the accounts of credit code ${maskCode(fields.creditCode ?? '')} and their login methods (masked, no change)`,
      ),
    async apply({ tx, fields }) {
      const found = await tx.account.findMany({
        where: { creditCode: fields.creditCode ?? '', status: { not: 'cancelled' } },
        select: { uin: true, status: true, loginMethods: true },
        orderBy: { uin: 'asc' },
        take: 50,
      });
      const accounts = found.map((a) => ({
        uin: a.uin,
        status: a.status,
        loginMethods: (a.loginMethods as LoginMethod[]).map((m) => ({ type: m.type, identifier: maskLogin(m) })),
      }));
      const lines = accounts.map(
        (a) =>
          `${a.uin}: ${a.loginMethods.map((m) => `${methodNames[m.type as keyof typeof methodNames]?.['zh-CN'] ?? m.type} ${m.identifier}`).join('、') || '—'}`,
      );
      const linesEn = accounts.map(
        (a) =>
          `${a.uin}: ${a.loginMethods.map((m) => `${methodNames[m.type as keyof typeof methodNames]?.en ?? m.type} ${m.identifier}`).join(', ') || '—'}`,
      );
      return {
        changes: [],
        tellOwners: [],
        facts: { accountsOfCompany: accounts },
        reply: accounts.length
          ? said(
              `该企业名下的账号及登录方式：\n${lines.join('\n')}`,
              `The company's accounts and their login methods:\n${linesEn.join('\n')}`,
            )
          : said('该企业名下没有可找回的账号。', 'No account is verified under this company.'),
      };
    },
  },
  answer_transfer_check: {
    reads: ['transferAmount', 'transferDate'],
    needsAccount: true,
    statement: ({ uin, fields }) =>
      said(
        `人工核验账号 ${uin} 于 ${fields.transferDate ?? ''} 的对公打款 ${fields.transferAmount ?? ''} 元（不变更账号）`,
        `check by hand the corporate transfer of ¥${fields.transferAmount ?? ''} on ${fields.transferDate ?? ''} for account ${uin} (no change)`,
      ),
    apply: async () => ({ changes: [], tellOwners: [] }),
  },
  // Seed 004: a departed employee's WeChat, QQ or email that login protection verifies with is unbound.
  remove_protection_verifier: {
    reads: ['verifierType', 'verifierIdentifier'],
    needsAccount: true,
    statement: ({ uin, fields }) =>
      said(
        `解绑账号 ${uin} 账号保护的验证方式（${fields.verifierType ?? ''} ${maskLogin({ type: fields.verifierType ?? '', identifier: fields.verifierIdentifier ?? '' })}）`,
        `remove the login-protection verifier (${fields.verifierType ?? ''} ${maskLogin({ type: fields.verifierType ?? '', identifier: fields.verifierIdentifier ?? '' })}) from account ${uin}`,
      ),
    conflictBlocker: 'verifier_not_on_file',
    async conflictIn(_tx, { account, fields }) {
      return verifierOf(account, fields)
        ? null
        : said('账号保护的验证方式与申报的不一致', "The account's login protection does not verify with the declared method");
    },
    async apply({ account, tx, fields }) {
      const a = account!;
      if (!verifierOf(a, fields))
        throw conflict("The account's login protection does not verify with that method", 'NOT_PROTECTION_VERIFIER');
      const protection = { ...(a.protection as Protection) };
      delete protection.verifier;
      return single(await change(tx, a, { protection }));
    },
  },
  change_security_phone: {
    reads: ['newSecurityPhone'],
    needsAccount: true,
    phoneField: 'newSecurityPhone',
    statement: ({ uin, fields }) =>
      said(
        `把账号 ${uin} 的安全手机更换为 ${maskPhone(fields.newSecurityPhone ?? '')}`,
        `make ${maskPhone(fields.newSecurityPhone ?? '')} the security phone of account ${uin}`,
      ),
    apply: async ({ tx, account, fields }) => single(await change(tx, account!, { securityPhone: fields.newSecurityPhone })),
  },
  cancel_account: {
    reads: [],
    needsAccount: true,
    statement: ({ uin }) => said(`永久注销账号 ${uin}（不可恢复）`, `cancel account ${uin} for good (it cannot be undone)`),
    apply: async ({ tx, account }) => single(await change(tx, account!, { status: 'cancelled' })),
  },
  remove_registration_method: {
    reads: ['registrationMethod'],
    needsAccount: true,
    statement: ({ uin, fields }) =>
      said(
        `解绑账号 ${uin} 的注册方式（${fields.registrationMethod ?? ''}）`,
        `remove the registration method (${fields.registrationMethod ?? ''}) from account ${uin}`,
      ),
    async apply({ tx, account, fields }) {
      const methods = (account!.loginMethods as LoginMethod[]).filter((m) => !(m.type === fields.registrationMethod && m.registration));
      if (methods.length === (account!.loginMethods as LoginMethod[]).length) {
        throw conflict('That method is not the registration method of the account', 'NOT_REGISTRATION_METHOD');
      }
      return single(await change(tx, account!, { loginMethods: methods }));
    },
  },
};

/** The effect approving this ticket applies: the variant's, or the kind's. */
export const effectFor = (ticket: Pick<Ticket, 'kind' | 'variant'>): EffectDef => effects[effectOf(getKind(ticket.kind)!, ticket.variant)];

/** The statement of what approving this ticket does, in both languages. */
export function statementOf(ticket: Pick<Ticket, 'kind' | 'variant' | 'fields' | 'accountUin'>): Localized {
  return effectFor(ticket).statement({
    uin: ticket.accountUin ?? '',
    fields: ticket.fields as Record<string, string>,
    variant: ticket.variant,
  });
}
