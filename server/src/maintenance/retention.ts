import type { Db } from '../db/client';
import type { EvidenceStore } from '../storage/evidenceStore';

/**
 * Evidence of tickets closed more than `days` ago is deleted; the ticket, its checklist and every finding stay,
 * with `purgedAt` set. A file shared with a ticket still inside its period is kept until that one is purged too.
 */
export async function purgeClosedEvidence(db: Db, store: EvidenceStore, days: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const due = await db.evidence.findMany({
    where: { purgedAt: null, ticket: { closedAt: { lt: before } } },
    select: { id: true, ticketId: true, storageKey: true },
  });
  for (const e of due) {
    await db.$transaction(async (tx) => {
      await tx.evidence.update({ where: { id: e.id }, data: { purgedAt: now } });
      await tx.event.create({
        data: { ticketId: e.ticketId, actorType: 'system', type: 'evidence.purged', data: { evidenceId: e.id, retentionDays: days } },
      });
    });
    if ((await db.evidence.count({ where: { storageKey: e.storageKey, purgedAt: null } })) === 0) await store.remove(e.storageKey);
  }
  return due.length;
}
