import type { PresenceEntry, PresenceMode } from '../contract/presence';
import type { Db } from '../db/client';
import { notFound } from '../http/errors';

/** The console beats every ten seconds; three missed beats and the agent has left. */
export const presenceTtlMs = 30_000;

const asMode = (m: string): PresenceMode => (m === 'replying' ? 'replying' : 'viewing');

/** Records that this agent has the ticket open (and whether they are typing a reply); 404 for an unknown ticket. */
export async function beat(db: Db, ticketId: number, agentId: number, mode: PresenceMode): Promise<void> {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!ticket) throw notFound('Ticket');
  const seenAt = new Date();
  await db.ticketPresence.upsert({
    where: { ticketId_agentId: { ticketId, agentId } },
    create: { ticketId, agentId, mode, seenAt },
    update: { mode, seenAt },
  });
}

export async function leave(db: Db, ticketId: number, agentId: number): Promise<void> {
  await db.ticketPresence.deleteMany({ where: { ticketId, agentId } });
}

/** Who has which tickets open now (all tickets, or these), each list in a stable order. */
export async function presenceNow(db: Db, ticketIds?: number[]): Promise<Map<number, PresenceEntry[]>> {
  const rows = await db.ticketPresence.findMany({
    where: {
      seenAt: { gt: new Date(Date.now() - presenceTtlMs) },
      ...(ticketIds ? { ticketId: { in: ticketIds } } : {}),
      agent: { active: true },
    },
    select: { ticketId: true, agentId: true, mode: true, agent: { select: { name: true } } },
    orderBy: [{ ticketId: 'asc' }, { agentId: 'asc' }],
  });
  const byTicket = new Map<number, PresenceEntry[]>();
  for (const r of rows) {
    const list = byTicket.get(r.ticketId) ?? [];
    list.push({ agentId: r.agentId, name: r.agent.name, mode: asMode(r.mode) });
    byTicket.set(r.ticketId, list);
  }
  return byTicket;
}

/** Rows long past their time: a closed laptop never says goodbye. */
export async function forgetStalePresence(db: Db): Promise<void> {
  await db.ticketPresence.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - 10 * presenceTtlMs) } } });
}
