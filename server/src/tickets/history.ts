import type { Db } from '../db/client';
import type { SqlReader } from '../db/reader';
import { Prisma } from '../generated/prisma/client';
import { isoTime, isoTimeOrNull } from '../http/isoTime';
import { maskField } from '../privacy/presenter';

/** How many of the customer's other appeals the ticket page lists, newest first. */
export const historyLimit = 20;

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
  [
    'id',
    'reference',
    'kind',
    'variant',
    'subjectType',
    'status',
    'decision',
    'decisionReason',
    'accountId',
    'accountUin',
    'contactName',
    'contactPhone',
    'fieldDigests',
    'submittedAt',
    'decidedAt',
  ]
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
export async function customerHistory(db: Db, reader: SqlReader, id: number) {
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

  // One query per kind of match, each the newest few read backwards off its index (contactPhone and accountUin with
  // the id, TicketDigest by hash then ticket), however many appeals a busy phone number has.
  const newest = (where: Prisma.Sql) =>
    reader.all<Row>(
      Prisma.sql`SELECT ${rowColumns} FROM "Ticket" WHERE ${where} AND "id" <> ${id} ORDER BY "id" DESC LIMIT ${historyLimit}`,
    );
  const newestIds = (digest: string) =>
    reader.all<{ ticketId: number }>(Prisma.sql`
      SELECT "ticketId" FROM "TicketDigest" WHERE "digest" = ${digest} AND "ticketId" <> ${id} ORDER BY "ticketId" DESC LIMIT ${historyLimit}`);
  const byDigest = (await Promise.all(digests.map(newestIds))).flat().map((r) => Number(r.ticketId));
  const matched = await Promise.all([
    ...(accountIds.length ? [newest(Prisma.sql`"accountId" IN (${Prisma.join(accountIds)})`)] : []),
    ...(ticket.contactPhone ? [newest(Prisma.sql`"contactPhone" = ${ticket.contactPhone}`)] : []),
    ...(ticket.accountUin ? [newest(Prisma.sql`"accountUin" = ${ticket.accountUin}`)] : []),
    ...(byDigest.length ? [newest(Prisma.sql`"id" IN (${Prisma.join([...new Set(byDigest)])})`)] : []),
  ]);

  const rows = new Map<number, Row>();
  for (const r of matched.flat()) rows.set(Number(r.id), r);
  const idSet = new Set(digests);
  return [...rows.values()]
    .sort((a, b) => Number(b.id) - Number(a.id))
    .slice(0, historyLimit)
    .map((r) => {
      const matchedBy: HistoryMatch[] = [];
      if ((r.accountId !== null && accountIds.includes(r.accountId)) || (ticket.accountUin !== null && r.accountUin === ticket.accountUin))
        matchedBy.push('account');
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
