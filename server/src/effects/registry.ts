import { getKind, type EffectCode, type Localized } from '../catalog';
import type { Account, Prisma, Ticket } from '../generated/prisma/client';
import { serializeIn } from '../db/serialize';
import { conflict } from '../http/errors';
import { maskCode, maskEmail, maskPhone } from '../privacy/mask';

type LoginMethod = { type: string; identifier: string; registration: boolean };
type Protection = { login?: boolean; operation?: boolean; remoteLogin?: boolean; mfaType?: string };

export type AccountChange = { accountId: number; uin: string; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject };

export type EffectOutcome = {
  changes: AccountChange[];
  /** Owners of other accounts who must be told (a released security phone). */
  tellOwners: { accountId: number; securityEmail: string | null; phone: string }[];
  /** Facts for the agent, such as the accounts an enterprise retrieval found. */
  facts?: Prisma.InputJsonObject;
};

type EffectInput = { tx: Prisma.TransactionClient; ticket: Ticket; fields: Record<string, string>; digests: Record<string, string>; account: Account | null; now: Date };

type StatementInput = { uin: string; fields: Record<string, string>; variant: string | null };

export type EffectDef = {
  /** Declared field keys the effect reads; a catalog test checks every kind with this effect declares them. */
  reads: readonly string[];
  needsAccount: boolean;
  /** The declared phone the appeal is about, counted against the five-accounts-per-phone rule. */
  phoneField?: string;
  /** What approval does, as a verb phrase ("unbind the MFA device from account …") for the agent and the owner. */
  statement: (input: StatementInput) => Localized;
  /** Why the directory refuses this change whatever anyone overrides (a value another account already holds). */
  conflictIn?: (tx: Prisma.TransactionClient, input: { account: Account; fields: Record<string, string> }) => Promise<Localized | null>;
  apply: (input: EffectInput) => Promise<EffectOutcome>;
};

const said = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

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
  return null;
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

const noMfa = (a: Account) => ({ mfaBound: false, protection: { ...(a.protection as Protection), mfaType: 'none' } });

const single = (c: AccountChange): EffectOutcome => ({ changes: [c], tellOwners: [] });

/** What approval does to the directory, by the catalog's effect code (DOMAIN.md, seeds 000–004). */
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
      said(`从所有以 ${maskPhone(fields.phone ?? '')} 为安全手机的账号上解除该号码`, `remove ${maskPhone(fields.phone ?? '')} as security phone from every account that has it`),
    async apply({ tx, fields }) {
      const holders = await tx.account.findMany({ where: { securityPhone: fields.phone } });
      const changes: AccountChange[] = [];
      for (const a of holders) changes.push(await change(tx, a, { securityPhone: null }));
      return { changes, tellOwners: holders.map((a) => ({ accountId: a.id, securityEmail: a.securityEmail, phone: fields.phone! })) };
    },
  },
  bind_login_email: {
    reads: ['newEmail', 'resetMfa'],
    needsAccount: true,
    statement: ({ uin, fields }) => {
      const email = maskEmail(fields.newEmail ?? '');
      return fields.resetMfa === 'yes'
        ? said(`为账号 ${uin} 绑定新的登录邮箱 ${email}（替换原邮箱登录方式），并解绑 MFA 设备`, `bind ${email} as the login email of account ${uin} (replacing any login email) and unbind its MFA device`)
        : said(`为账号 ${uin} 绑定新的登录邮箱 ${email}（替换原邮箱登录方式）`, `bind ${email} as the login email of account ${uin} (replacing any login email)`);
    },
    async conflictIn(tx, { account, fields }) {
      const holder = fields.newEmail ? await loginEmailHolder(tx, account.id, fields.newEmail) : null;
      return holder ? said(`${maskEmail(fields.newEmail!)} 已被账号 ${holder} 使用`, `${maskEmail(fields.newEmail!)} is already used by account ${holder}`) : null;
    },
    async apply({ tx, account, fields }) {
      const a = account!;
      // Checked again under a lock: two approvals binding one address to two accounts cannot both pass.
      await serializeIn(tx, 'login-email');
      if (await loginEmailHolder(tx, a.id, fields.newEmail!)) throw conflict('The new login email was bound to another account meanwhile', 'LOGIN_EMAIL_TAKEN');
      const methods = (a.loginMethods as LoginMethod[]).filter((m) => m.type !== 'email');
      const previous = (a.loginMethods as LoginMethod[]).find((m) => m.type === 'email');
      methods.push({ type: 'email', identifier: fields.newEmail!, registration: previous?.registration ?? false });
      return single(await change(tx, a, { loginMethods: methods, ...(fields.resetMfa === 'yes' ? noMfa(a) : {}) }));
    },
  },
  update_enterprise: {
    reads: ['newCompanyName', 'newCreditCode', 'newLegalRepName'],
    needsAccount: false,
    statement: ({ uin, fields, variant }) => {
      if (variant === 'account_retrieval') return said('告知客户该企业名下的账号（不变更任何账号）', "tell the customer the company's accounts (no account changes)");
      if (variant === 'payment_dispute') return said(`答复账号 ${uin} 的对公打款认证问题（不变更账号）`, `answer the corporate-transfer question of account ${uin} (no change)`);
      const parts: Localized[] = [];
      if (fields.newCompanyName) parts.push(said(`企业名称改为“${fields.newCompanyName}”`, `the company name becomes "${fields.newCompanyName}"`));
      if (fields.newCreditCode) parts.push(said(`统一社会信用代码改为 ${maskCode(fields.newCreditCode)}`, `the credit code becomes ${maskCode(fields.newCreditCode)}`));
      if (fields.newLegalRepName) parts.push(said(`企业法人改为 ${fields.newLegalRepName}`, `the legal representative becomes ${fields.newLegalRepName}`));
      return said(`变更账号 ${uin} 的企业实名信息：${parts.map((p) => p['zh-CN']).join('，')}`, `change the enterprise verification of account ${uin}: ${parts.map((p) => p.en).join(', ')}`);
    },
    async apply({ tx, ticket, account, fields, digests, now }) {
      if (ticket.variant === 'account_retrieval' || ticket.variant === 'payment_dispute') {
        // Nothing changes: the agent answers with what the directory holds for this company.
        const found = await tx.account.findMany({ where: { creditCode: fields.creditCode ?? '' }, select: { uin: true, status: true } });
        return { changes: [], tellOwners: [], facts: { accountsOfCompany: found } };
      }
      if (!account) throw conflict('The appeal names no account in the directory', 'NO_ACCOUNT');
      const data: Prisma.AccountUpdateInput = { lastRealNameChangeAt: now };
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
  change_security_phone: {
    reads: ['newSecurityPhone'],
    needsAccount: true,
    phoneField: 'newSecurityPhone',
    statement: ({ uin, fields }) =>
      said(`把账号 ${uin} 的安全手机更换为 ${maskPhone(fields.newSecurityPhone ?? '')}`, `make ${maskPhone(fields.newSecurityPhone ?? '')} the security phone of account ${uin}`),
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
      said(`解绑账号 ${uin} 的注册方式（${fields.registrationMethod ?? ''}）`, `remove the registration method (${fields.registrationMethod ?? ''}) from account ${uin}`),
    async apply({ tx, account, fields }) {
      const methods = (account!.loginMethods as LoginMethod[]).filter((m) => !(m.type === fields.registrationMethod && m.registration));
      if (methods.length === (account!.loginMethods as LoginMethod[]).length) {
        throw conflict('That method is not the registration method of the account', 'NOT_REGISTRATION_METHOD');
      }
      return single(await change(tx, account!, { loginMethods: methods }));
    },
  },
};

/** The statement of what approving this ticket does, in both languages. */
export function statementOf(ticket: Pick<Ticket, 'kind' | 'variant' | 'fields' | 'accountUin'>): Localized {
  const kind = getKind(ticket.kind)!;
  return effects[kind.effect].statement({ uin: ticket.accountUin ?? '', fields: ticket.fields as Record<string, string>, variant: ticket.variant });
}
