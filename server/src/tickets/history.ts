import type { Db } from '../db/client';
import type { DatabaseKind } from '../db/databaseUrl';
import type { SqlReader } from '../db/reader';
import { Prisma } from '../generated/prisma/client';
import { isoTime, isoTimeOrNull } from '../http/isoTime';
import { maskField } from '../privacy/presenter';

/** How many of the customer's other appeals the ticket page lists, newest first. */
export const historyLimit = 20;

/**
 * How many of the newest tickets are read for a match on the contact phone, the declared account ID or an ID-number
 * hash: Ticket has no index on these (contactPhone, accountUin, fieldDigests), so they are looked for by primary key
 * among the newest rows only. Matches through the account directory (accountId, indexed) reach back to the first.
 */
export const historyWindow = 20_000;

export type HistoryMatch = 'account' | 'phone' | 'idNumber';

type Row = {
  id: number;
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: string;
  status: string;
  decision: string | null;
  decisionReason: string | null;
  accountId: number | null;
  accountUin: string | null;
  contactName: string;
  contactPhone: string | null;
  fieldDigests: unknown;
  submittedAt: Date;
  decidedAt: Date | null;
};

const rowColumns = Prisma.raw(
  ['id', 'reference', 'kind', 'variant', 'subjectType', 'status', 'decision', 'decisionReason', 'accountId', 'accountUin', 'contactName', 'contactPhone', 'fieldDigests', 'submittedAt', 'decidedAt']
    .map((c) => `"${c}"`)
    .join(', '),
);

const digestsOf = (json: unknown): string[] => {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  return value && typeof value === 'object' ? Object.values(value).filter((v): v is string => typeof v === 'string') : [];
};

/**
 * The same customer's other appeals: the same account (the ticket's, the one its declared account ID names, or one
 * on file with a declared ID number), the same contact phone, or a declared ID number with the same keyed hash.
 * Clear identity numbers are never compared: only their hashes, which neither side keeps in clear.
 */
export async function customerHistory(db: Db, reader: SqlReader, dialect: DatabaseKind, id: number) {
  const [ticket] = await reader.all<Row>(Prisma.sql`SELECT ${rowColumns} FROM "Ticket" WHERE "id" = ${id}`);
  if (!ticket) return null;
  const digests = digestsOf(ticket.fieldDigests);

  // Account.uin is unique and Account.idNumberHash indexed; so is Ticket.accountId, read next.
  const onFile: Prisma.AccountWhereInput[] = [
    ...(ticket.accountUin ? [{ uin: ticket.accountUin }] : []),
    ...(digests.length ? [{ idNumberHash: { in: digests } }] : []),
  ];
  const accounts = onFile.length ? await db.account.findMany({ where: { OR: onFile }, select: { id: true }, take: 50 }) : [];
  const accountIds = [...new Set([...(ticket.accountId ? [ticket.accountId] : []), ...accounts.map((a) => a.id)])];

  const byAccount = accountIds.length
    ? await reader.all<Row>(Prisma.sql`
        SELECT ${rowColumns} FROM "Ticket" WHERE "accountId" IN (${Prisma.join(accountIds)}) AND "id" <> ${id}
        ORDER BY "id" DESC LIMIT ${historyLimit}`)
    : [];

  const digestText = dialect === 'postgresql' ? Prisma.sql`CAST("fieldDigests" AS TEXT)` : Prisma.sql`"fieldDigests"`;
  // A digest is 64 hex characters: as a substring of the JSON it can only be that value.
  const alike = [
    ...(ticket.contactPhone ? [Prisma.sql`"contactPhone" = ${ticket.contactPhone}`] : []),
    ...(ticket.accountUin ? [Prisma.sql`"accountUin" = ${ticket.accountUin}`] : []),
    ...digests.filter((d) => /^[0-9a-f]{64}$/.test(d)).map((d) => Prisma.sql`${digestText} LIKE ${`%"${d}"%`}`),
  ];
  const [span] = await reader.all<{ top: number | null }>(Prisma.sql`SELECT MAX("id") AS "top" FROM "Ticket"`);
  const from = Number(span?.top ?? 0) - historyWindow;
  const recent = alike.length
    ? await reader.all<Row>(Prisma.sql`
        SELECT ${rowColumns} FROM "Ticket" WHERE "id" > ${from} AND "id" <> ${id} AND (${Prisma.join(alike, ' OR ')})
        ORDER BY "id" DESC LIMIT ${historyLimit}`)
    : [];

  const rows = new Map<number, Row>();
  for (const r of [...byAccount, ...recent]) rows.set(Number(r.id), r);
  const idSet = new Set(digests);
  return [...rows.values()]
    .sort((a, b) => Number(b.id) - Number(a.id))
    .slice(0, historyLimit)
    .map((r) => {
      const matchedBy: HistoryMatch[] = [];
      if ((r.accountId !== null && accountIds.includes(r.accountId)) || (ticket.accountUin !== null && r.accountUin === ticket.accountUin)) matchedBy.push('account');
      if (ticket.contactPhone !== null && r.contactPhone === ticket.contactPhone) matchedBy.push('phone');
      if (digestsOf(r.fieldDigests).some((d) => idSet.has(d))) matchedBy.push('idNumber');
      return {
        id: Number(r.id),
        reference: r.reference,
        kind: r.kind,
        variant: r.variant,
        subjectType: r.subjectType,
        status: r.status,
        decision: r.decision,
        decisionReason: r.decisionReason,
        accountUin: r.accountUin,
        contactName: maskField('contactName', r.contactName) ?? '',
        contactPhone: maskField('contactPhone', r.contactPhone),
        submittedAt: isoTime(new Date(r.submittedAt)),
        decidedAt: isoTimeOrNull(r.decidedAt === null ? null : new Date(r.decidedAt)),
        matchedBy,
      };
    });
}

export type HistoryEntry = NonNullable<Awaited<ReturnType<typeof customerHistory>>>[number];
