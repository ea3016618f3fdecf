import type { ErrorRequestHandler } from 'express';
import type { Ticket } from '../contract/records';
import { checklistIn } from '../intake/attachEvidence';
import type { Db } from '../db/client';
import { HttpError, notFound } from '../http/errors';
import { presentTicket } from './presenter';
import { StaleTicket } from './workflow';

const withSlots = {
  slots: { orderBy: { id: 'asc' }, include: { _count: { select: { evidence: { where: { current: true } } } } } },
} as const;

/** One ticket as the console shows it: with its checklist, each slot's current file and its findings, fraud signals included. */
export async function ticketForAgents(db: Db, id: number): Promise<Ticket | null> {
  const t = await db.ticket.findUnique({ where: { id }, include: withSlots });
  if (!t) return null;
  const checklist = await checklistIn(db, id, 'agent');
  const bySlot = new Map(checklist.slots.map((s) => [s.key, s]));
  const record = presentTicket(t);
  return {
    ...record,
    slots: record.slots?.map((s) => ({
      ...s,
      evidenceId: bySlot.get(s.key)?.evidenceId ?? null,
      findings: bySlot.get(s.key)?.findings ?? [],
    })),
  };
}

/** A refused stale write answers with the ticket as it is now (read after the refusal rolled back), so the page can catch up. */
export function staleTicketAnswer(db: Db): ErrorRequestHandler {
  return (err, _req, _res, next) => {
    if (!(err instanceof StaleTicket)) return next(err);
    ticketForAgents(db, err.ticketId).then(
      (ticket) => next(new HttpError(err.status, err.code, err.message, undefined, undefined, { ticket })),
      next,
    );
  };
}

/** The ticket as the console shows it, or 404. */
export async function ticketForAgentsOr404(db: Db, id: number): Promise<Ticket> {
  return (await ticketForAgents(db, id)) ?? Promise.reject(notFound('Ticket'));
}
