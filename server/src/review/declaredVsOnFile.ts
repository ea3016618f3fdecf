import {
  effectOf,
  evaluatePreconditions,
  fieldsFor,
  getKind,
  type AccountFacts,
  type FieldDef,
  type Localized,
  type PreconditionResult,
} from '../catalog';
import type { Db } from '../db/client';
import { effects } from '../effects/registry';
import { loadHolidays } from '../holidays/loadHolidays';
import type { Account, Prisma, Ticket } from '../generated/prisma/client';
import { maskCode, maskEmail, maskIdNumber, maskName, maskPhone } from '../privacy/mask';

export type Comparison = {
  field: string;
  attribute: NonNullable<FieldDef['matches']>;
  label: Localized;
  declared: string | null;
  onFile: string | null;
  result: 'match' | 'mismatch' | 'not_on_file' | 'not_declared';
};

type Attribute = NonNullable<FieldDef['matches']>;

// How each account attribute is compared and shown: identity numbers only by keyed hash, never in clear; names,
// phones, emails and codes masked on both sides (agents need the match, not the value).
const attributes: Record<
  Attribute,
  {
    onFile: (a: Account) => string | null;
    same: (declared: string, digest: string | undefined, a: Account) => boolean;
    show: (v: string | null) => string | null;
  }
> = {
  uin: { onFile: (a) => a.uin, same: (d, _h, a) => d === a.uin, show: (v) => v },
  realName: { onFile: (a) => a.realName, same: (d, _h, a) => d.trim() === (a.realName ?? '').trim(), show: maskName },
  companyName: { onFile: (a) => a.companyName, same: (d, _h, a) => d.trim() === (a.companyName ?? '').trim(), show: (v) => v },
  idNumber: {
    onFile: (a) => (a.idNumberLast4 ? maskIdNumber(a.idNumberLast4) : null),
    same: (_d, h, a) => Boolean(h) && h === a.idNumberHash,
    show: (v) => v,
  },
  creditCode: { onFile: (a) => a.creditCode, same: (d, _h, a) => d.toUpperCase() === (a.creditCode ?? '').toUpperCase(), show: maskCode },
  securityPhone: { onFile: (a) => a.securityPhone, same: (d, _h, a) => d === a.securityPhone, show: maskPhone },
  securityEmail: {
    onFile: (a) => a.securityEmail,
    same: (d, _h, a) => d.toLowerCase() === (a.securityEmail ?? '').toLowerCase(),
    show: maskEmail,
  },
  handlerName: { onFile: (a) => a.handlerName, same: (d, _h, a) => d.trim() === (a.handlerName ?? '').trim(), show: maskName },
  handlerIdNumber: {
    onFile: (a) => (a.handlerIdHash ? '******' : null),
    same: (_d, h, a) => Boolean(h) && h === a.handlerIdHash,
    show: (v) => v,
  },
};

/** The customer's declared fields beside the account record, each marked match or mismatch. */
export function compareDeclared(ticket: Ticket, account: Account | null): Comparison[] {
  const fields = ticket.fields as Record<string, string>;
  const digests = ticket.fieldDigests as Record<string, string>;
  return fieldsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined)
    .filter((f) => f.matches)
    .map((f) => {
      const how = attributes[f.matches!];
      const declared = fields[f.key] ?? null;
      const onFile = account ? how.onFile(account) : null;
      const result: Comparison['result'] =
        declared === null
          ? 'not_declared'
          : onFile === null
            ? 'not_on_file'
            : how.same(declared, digests[f.key], account!)
              ? 'match'
              : 'mismatch';
      return {
        field: f.key,
        attribute: f.matches!,
        label: f.label,
        declared: f.sensitive ? declared : how.show(declared),
        onFile: how.show(onFile),
        result,
      };
    });
}

export function accountFacts(
  account: Account,
  counts: { accountsSharingSecurityPhone?: number; accountsOnNewCreditCode?: number } = {},
): AccountFacts {
  return {
    subjectType: account.subjectType as AccountFacts['subjectType'],
    securityPhone: account.securityPhone,
    loginMethods: account.loginMethods as AccountFacts['loginMethods'],
    mfaBound: account.mfaBound,
    protection: account.protection as AccountFacts['protection'],
    balanceCents: account.balanceCents,
    arrearsCents: account.arrearsCents,
    vouchers: account.vouchers,
    resourcesInUse: account.resourcesInUse,
    subUsers: account.subUsers,
    collaborators: account.collaborators,
    openComplaints: account.openComplaints,
    lastRealNameChangeAt: account.lastRealNameChangeAt,
    lastRealNameVerifiedAt: account.lastRealNameVerifiedAt,
    creditCode: account.creditCode,
    status: account.status as AccountFacts['status'],
    unfinishedOrders: account.unfinishedOrders,
    messageRecipients: account.messageRecipients,
    advancePaymentCents: account.advancePaymentCents,
    abandonableResources: (account.abandonableResources ?? []) as AccountFacts['abandonableResources'],
    ...counts,
  };
}

/** The kind's preconditions evaluated on the account as it stands now. */
export async function preconditionsFor(
  db: Db | Prisma.TransactionClient,
  ticket: Ticket,
  account: Account | null,
): Promise<PreconditionResult[]> {
  const kind = getKind(ticket.kind);
  if (!kind || !account) return [];
  const declared = ticket.fields as Record<string, string>;
  const { phoneField, creditCodeField } = effects[effectOf(kind, ticket.variant)];
  const phone = phoneField ? declared[phoneField] : undefined;
  const creditCode = creditCodeField ? declared[creditCodeField] : undefined;
  const counts = {
    ...(phone && { accountsSharingSecurityPhone: await db.account.count({ where: { securityPhone: phone, NOT: { id: account.id } } }) }),
    ...(creditCode && {
      accountsOnNewCreditCode: await db.account.count({ where: { creditCode, status: { not: 'cancelled' }, NOT: { id: account.id } } }),
    }),
  };
  return evaluatePreconditions(kind, accountFacts(account, counts), new Date(), ticket.variant, {
    declared,
    holidays: await loadHolidays(db),
  });
}
