import type { EffectCode } from '../catalog';
import type { Account, Prisma, Ticket } from '../generated/prisma/client';
import { conflict } from '../http/errors';

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

export type EffectDef = {
  /** Declared field keys the effect reads; a catalog test checks every kind with this effect declares them. */
  reads: readonly string[];
  needsAccount: boolean;
  /** The declared phone the appeal is about, counted against the five-accounts-per-phone rule. */
  phoneField?: string;
  apply: (input: EffectInput) => Promise<EffectOutcome>;
};

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
    apply: async ({ tx, account }) => single(await change(tx, account!, noMfa(account!))),
  },
  release_phone: {
    reads: ['phone'],
    needsAccount: false,
    phoneField: 'phone',
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
    async apply({ tx, account, fields }) {
      const a = account!;
      const methods = (a.loginMethods as LoginMethod[]).filter((m) => m.type !== 'email');
      const previous = (a.loginMethods as LoginMethod[]).find((m) => m.type === 'email');
      methods.push({ type: 'email', identifier: fields.newEmail!, registration: previous?.registration ?? false });
      return single(await change(tx, a, { loginMethods: methods, ...(fields.resetMfa === 'yes' ? noMfa(a) : {}) }));
    },
  },
  update_enterprise: {
    reads: ['newCompanyName', 'newCreditCode', 'newLegalRepName'],
    needsAccount: false,
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
    apply: async ({ tx, account, fields }) => single(await change(tx, account!, { securityPhone: fields.newSecurityPhone })),
  },
  cancel_account: {
    reads: [],
    needsAccount: true,
    apply: async ({ tx, account }) => single(await change(tx, account!, { status: 'cancelled' })),
  },
  remove_registration_method: {
    reads: ['registrationMethod'],
    needsAccount: true,
    async apply({ tx, account, fields }) {
      const methods = (account!.loginMethods as LoginMethod[]).filter((m) => !(m.type === fields.registrationMethod && m.registration));
      if (methods.length === (account!.loginMethods as LoginMethod[]).length) {
        throw conflict('That method is not the registration method of the account', 'NOT_REGISTRATION_METHOD');
      }
      return single(await change(tx, account!, { loginMethods: methods }));
    },
  },
};
