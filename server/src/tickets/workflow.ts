import { authorizeOn, type Action } from '../auth/policy';
import type { Prisma } from '../generated/prisma/client';
import { loadHolidays } from '../holidays/loadHolidays';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import { resumedSlaDueAt } from './slaClock';
import { canTransition, isPlainMove, openStatuses, type TicketStatus } from '../contract/statuses';

export type Actor = { actorType: 'agent'; agentId: number } | { actorType: 'customer' | 'system' };

const actorColumns = (a: Actor) =>
  a.actorType === 'agent' ? { actorType: 'agent', agentId: a.agentId } : { actorType: a.actorType, agentId: null };

/** Agents take a ticket for themselves or let it go; giving it to someone else, or taking it over, is a supervisor's. */
export function assignmentAction(currentAssigneeId: number | null, targetId: number | null, actorId: number): Action {
  const takingOver = currentAssigneeId !== null && currentAssigneeId !== actorId;
  const onlySelf = targetId === actorId || (targetId === null && currentAssigneeId === actorId);
  return takingOver || !onlySelf ? 'tickets.reassign' : 'tickets.update';
}

/** Moves a ticket along the transition table and writes the event; 409 when the table forbids it. */
export async function transitionIn(tx: Prisma.TransactionClient, ticketId: number, to: string, actor: Actor, reason?: string | null) {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw notFound('Ticket');
  if (ticket.status === to) return ticket;
  if (!canTransition(ticket.status, to)) {
    throw conflict(`A ticket cannot go from ${ticket.status} to ${to}`, 'ILLEGAL_TRANSITION');
  }
  const now = new Date();
  const data: Prisma.TicketUpdateInput = { status: to, version: { increment: 1 } };
  if (to === 'awaiting_customer') data.slaPausedAt = now;
  if (ticket.status === 'awaiting_customer' && ticket.slaPausedAt) {
    data.slaDueAt = resumedSlaDueAt(ticket.slaDueAt, ticket.slaPausedAt, now, await loadHolidays(tx));
    data.slaPausedAt = null;
  }
  if (to === 'approved' || to === 'rejected') data.decidedAt = now;
  // A withdrawn appeal is closed for the clock and for retention, whoever withdrew it.
  if (to === 'closed' || to === 'withdrawn') data.closedAt = now;
  const updated = await tx.ticket.update({ where: { id: ticketId }, data });
  await tx.event.create({
    data: {
      ticketId,
      ...actorColumns(actor),
      type: 'ticket.transitioned',
      fromStatus: ticket.status,
      toStatus: to,
      reason: reason ?? null,
    },
  });
  return updated;
}

/** Sets or clears the assignee and writes the event. */
export async function assignIn(
  tx: Prisma.TransactionClient,
  ticketId: number,
  agentId: number | null,
  actor: Actor,
  reason?: string | null,
) {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw notFound('Ticket');
  if (ticket.assigneeId === agentId) return ticket;
  if (agentId !== null) {
    const assignee = await tx.agent.findUnique({ where: { id: agentId } });
    if (!assignee || !assignee.active) throw badRequest('No active agent has that id', { agentId: 'Unknown or inactive agent' });
  }
  if (!openStatuses.includes(ticket.status as TicketStatus)) throw conflict('Only open tickets can be assigned', 'TICKET_NOT_OPEN');
  const updated = await tx.ticket.update({ where: { id: ticketId }, data: { assigneeId: agentId, version: { increment: 1 } } });
  await tx.event.create({
    data: {
      ticketId,
      ...actorColumns(actor),
      type: 'ticket.assigned',
      reason: reason ?? null,
      data: { from: ticket.assigneeId, to: agentId },
    },
  });
  return updated;
}

/** 409 STALE: the agent's page read an older version of the ticket; the answer carries the ticket as it is now. */
export class StaleTicket extends HttpError {
  constructor(
    readonly ticketId: number,
    status: string,
  ) {
    super(409, 'STALE', `This ticket was changed by someone else (now ${status}): look at it again before acting`);
  }
}

/**
 * Takes the ticket's row for this transaction and counts a change on it (`version`), if its status is one of
 * `statuses` (any status when null), so that a concurrent upload, decision or confirmation waits for it (PostgreSQL)
 * or is already serialised (SQLite). With the `version` the agent's page read, a ticket changed since is refused
 * (StaleTicket): checked in the same statement, so of two writes sent from the same page only the first passes.
 * False when the status differs or the ticket does not exist.
 */
export async function lockTicketIn(
  tx: Prisma.TransactionClient,
  ticketId: number,
  statuses: readonly string[] | null,
  version?: number,
): Promise<boolean> {
  const where: Prisma.TicketWhereInput = {
    id: ticketId,
    ...(statuses ? { status: { in: [...statuses] } } : {}),
    ...(version === undefined ? {} : { version }),
  };
  const { count } = await tx.ticket.updateMany({ where, data: { updatedAt: new Date(), version: { increment: 1 } } });
  if (count === 1) return true;
  if (version === undefined) return false;
  const current = await tx.ticket.findUnique({ where: { id: ticketId }, select: { status: true, version: true } });
  if (current && current.version !== version) throw new StaleTicket(ticketId, current.status);
  return false;
}

/** A move asked for by an agent (transition, edit or bulk): never to or from a decision, never on someone else's ticket. */
export async function plainMoveIn(
  tx: Prisma.TransactionClient,
  ticketId: number,
  to: string,
  agent: { id: number; role: string },
  reason?: string | null,
) {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw notFound('Ticket');
  if (ticket.status === to) return ticket;
  if (canTransition(ticket.status, to) && !isPlainMove(ticket.status, to)) {
    throw conflict(
      `A ticket reaches ${to} only through a decision, and leaves a pending approval only through its confirmation`,
      'DECISION_REQUIRED',
    );
  }
  authorizeOn(agent, ticket);
  return transitionIn(tx, ticketId, to, { actorType: 'agent', agentId: agent.id }, reason);
}
