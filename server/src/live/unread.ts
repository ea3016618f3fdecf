import type { Db } from '../db/client';
import type { SqlReader } from '../db/reader';
import { Prisma } from '../generated/prisma/client';
import { isoTime } from '../http/isoTime';
import { notFound } from '../http/errors';

/** The agent has looked at the ticket now: what the customer did before this is read. */
export async function markRead(db: Db, agentId: number, ticketId: number): Promise<{ ticketId: number; seenAt: string }> {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!ticket) throw notFound('Ticket');
  const seenAt = new Date();
  await db.ticketRead.upsert({
    where: { agentId_ticketId: { agentId, ticketId } },
    create: { agentId, ticketId, seenAt },
    update: { seenAt },
  });
  return { ticketId, seenAt: isoTime(seenAt) };
}

type Row = { id: number; assigneeId: number | null; customerActivityAt: Date | null };

/**
 * Which of these rows (a page of the list) the customer changed since this agent, their assignee, last looked.
 * Reads the agent's marks for these rows only: the list stays 25 index steps at a million tickets.
 */
export async function unreadAmong(db: Db, agentId: number, rows: Row[]): Promise<Set<number>> {
  const mine = rows.filter((r) => r.assigneeId === agentId && r.customerActivityAt);
  if (mine.length === 0) return new Set();
  const marks = await db.ticketRead.findMany({
    where: { agentId, ticketId: { in: mine.map((r) => r.id) } },
    select: { ticketId: true, seenAt: true },
  });
  const seen = new Map(marks.map((m) => [m.ticketId, m.seenAt.getTime()]));
  return new Set(mine.filter((r) => (seen.get(r.id) ?? 0) < r.customerActivityAt!.getTime()).map((r) => r.id));
}

/** Most tickets the bell lists; its count stops at `bellCountCap` ("99+"). */
const bellListed = 20;
export const bellCountCap = 100;

type BellRow = { id: number; reference: string; kind: string; status: string; customerActivityAt: Date };
type LastActivity = { ticketId: number | null; type: string; createdAt: Date };

/** The agent's tickets with customer activity they have not seen, newest first, each with what the customer did. */
export async function bellFor(db: Db, reader: SqlReader, agentId: number) {
  const unseen = Prisma.sql`
    FROM "Ticket" t LEFT JOIN "TicketRead" r ON r."agentId" = ${agentId} AND r."ticketId" = t."id"
    WHERE t."assigneeId" = ${agentId} AND t."customerActivityAt" IS NOT NULL AND (r."seenAt" IS NULL OR r."seenAt" < t."customerActivityAt")`;
  const rows = await reader.all<BellRow>(Prisma.sql`
    SELECT t."id", t."reference", t."kind", t."status", t."customerActivityAt" ${unseen}
    ORDER BY t."customerActivityAt" DESC LIMIT ${bellCountCap}`);
  const listed = rows.slice(0, bellListed);
  const latest = await Promise.all(
    listed.map((t) =>
      db.event.findFirst({
        where: { ticketId: t.id, actorType: 'customer', createdAt: { lte: t.customerActivityAt } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { ticketId: true, type: true, createdAt: true },
      }),
    ),
  );
  const byTicket = new Map(latest.flatMap((e): [number, LastActivity][] => (e?.ticketId ? [[e.ticketId, e]] : [])));
  return {
    count: rows.length,
    capped: rows.length >= bellCountCap,
    items: listed.map((t) => ({
      ticketId: Number(t.id),
      reference: t.reference,
      kind: t.kind,
      status: t.status,
      // The customer's last act, as an event type the console names: message.added, evidence.added, …
      activity: byTicket.get(Number(t.id))?.type ?? 'customer.activity',
      at: isoTime(t.customerActivityAt),
    })),
  };
}
