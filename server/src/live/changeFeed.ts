import type { Db } from '../db/client';
import type { TicketPresence } from '../contract/presence';
import { presenceNow } from './presence';

/** What the stream says of a changed ticket: metadata only, nothing about the customer. */
export type TicketChange = {
  ticketId: number;
  version: number;
  type: string | null;
  actorType: string | null;
  agentId: number | null;
  assigneeId: number | null;
};
export type PresenceChange = TicketPresence;

/**
 * A transaction stamps `updatedAt` when it writes and is seen when it commits, later; tickets are read again for
 * this long, and a version already told is not told twice.
 */
const lookbackMs = 10_000;
/** A burst past this (a bulk action on hundreds of tickets) is told over the next reads. */
const perRead = 500;

/**
 * Reads the shared database for what changed since the last read: tickets whose version moved (by `updatedAt`,
 * indexed) and who has which ticket open. Every process reads for itself, so a change made through any of them
 * reaches the subscribers of all.
 */
export function createChangeFeed(db: Db) {
  /** Ticket id → the version last told, for tickets changed within the lookback. */
  const told = new Map<number, { version: number; at: number }>();
  let presence = new Map<number, string>();
  let primed = false;

  async function ticketChanges(now: number): Promise<TicketChange[]> {
    const rows = await db.ticket.findMany({
      where: { updatedAt: { gte: new Date(now - lookbackMs) } },
      select: { id: true, version: true, updatedAt: true, assigneeId: true },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
      take: perRead,
    });
    for (const [id, t] of told) if (t.at < now - 2 * lookbackMs) told.delete(id);
    const fresh = rows.filter((r) => (told.get(r.id)?.version ?? 0) < r.version);
    for (const r of fresh) told.set(r.id, { version: r.version, at: now });
    if (!primed) return [];
    return Promise.all(
      fresh.map(async (r) => {
        // The newest event names what happened and who did it; a write that keeps no event is still told.
        const last = await db.event.findFirst({
          where: { ticketId: r.id },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: { type: true, actorType: true, agentId: true },
        });
        return {
          ticketId: r.id,
          version: r.version,
          type: last?.type ?? null,
          actorType: last?.actorType ?? null,
          agentId: last?.agentId ?? null,
          assigneeId: r.assigneeId,
        };
      }),
    );
  }

  async function presenceChanges(): Promise<{ changes: PresenceChange[]; all: PresenceChange[] }> {
    const now = await presenceNow(db);
    const next = new Map([...now].map(([id, agents]) => [id, JSON.stringify(agents)]));
    const changes: PresenceChange[] = [];
    for (const [id, agents] of now) if (presence.get(id) !== next.get(id)) changes.push({ ticketId: id, agents });
    for (const id of presence.keys()) if (!next.has(id)) changes.push({ ticketId: id, agents: [] });
    presence = next;
    return { changes: primed ? changes : [], all: [...now].map(([ticketId, agents]) => ({ ticketId, agents })) };
  }

  return {
    /** One read: the first only learns where things stand, so a new process does not retell the last seconds. */
    async read() {
      const now = Date.now();
      const tickets = await ticketChanges(now);
      const { changes, all } = await presenceChanges();
      primed = true;
      return { tickets, presence: changes, presenceNow: all };
    },
    reset() {
      told.clear();
      presence = new Map();
      primed = false;
    },
  };
}
