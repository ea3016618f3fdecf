import type { AppContext } from '../context';
import { Prisma } from '../generated/prisma/client';
import { conflict, notFound } from '../http/errors';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { canTransition, withdrawableStatuses } from '../contract/statuses';
import { lockTicketIn } from '../tickets/workflow';

/**
 * The customer withdraws an appeal not yet decided (seed 002 "审核期间您可以撤销申请"). The ticket's row is taken the way
 * a decision takes it, so a withdrawal and a decision cannot both happen: whichever comes second gets 409. A pending
 * approval's proposal is dropped with it. Withdrawing again answers the same state and writes nothing (a retried
 * request, a double click).
 */
export async function withdrawAppeal(ctx: Pick<AppContext, 'db' | 'config'>, ticketId: number): Promise<{ alreadyWithdrawn: boolean }> {
  return ctx.db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, ticketId, withdrawableStatuses))) {
      const current = await tx.ticket.findUnique({ where: { id: ticketId }, select: { status: true } });
      if (!current) throw notFound('Appeal');
      if (current.status === 'withdrawn') return { alreadyWithdrawn: true };
      if (current.status === 'closed') throw conflict('This appeal is closed and can no longer be withdrawn', 'APPEAL_CLOSED');
      throw conflict('This appeal is decided and can no longer be withdrawn', 'APPEAL_DECIDED');
    }
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    if (!canTransition(ticket.status, 'withdrawn'))
      throw conflict(`A ticket cannot go from ${ticket.status} to withdrawn`, 'ILLEGAL_TRANSITION');
    const pending = ticket.status === 'approval_pending';
    const now = new Date();
    // Closed for the clock and for retention alike; a proposal waiting for its second person goes with the appeal.
    await tx.ticket.update({
      where: { id: ticketId },
      data: { status: 'withdrawn', closedAt: now, ...(pending ? { proposedById: null, proposedAt: null, proposal: Prisma.DbNull } : {}) },
    });
    await tx.event.create({
      data: {
        ticketId,
        actorType: 'customer',
        type: 'appeal.withdrawn',
        fromStatus: ticket.status,
        toStatus: 'withdrawn',
        data: pending ? { proposalCancelled: true, proposedBy: ticket.proposedById } : {},
      },
    });
    for (const n of noticesFor(ticket, 'withdrawn', { statusLink: statusLink(ctx.config, ticket.reference) })) await enqueueIn(tx, n);
    return { alreadyWithdrawn: false };
  });
}
