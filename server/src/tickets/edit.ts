import { authorize, authorizeOn } from '../auth/policy';
import { fieldErrorText } from '../catalog/fieldErrors';
import type { AppContext } from '../context';
import type { TicketUpdate } from '../contract/tickets';
import type { Agent } from '../generated/prisma/client';
import { badRequest, notFound } from '../http/errors';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { assignIn, assignmentAction, lockTicketIn, plainMoveIn } from './workflow';

/**
 * An agent's edit of a ticket (react-admin's PUT): a new assignee and status go through the workflow's own checks,
 * the plain fields are written with an event of what changed.
 */
export async function editTicket(ctx: AppContext, id: number, input: TicketUpdate, agent: Agent) {
  await ctx.db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, id, null, input.version))) throw notFound('Ticket');
    const current = await tx.ticket.findUniqueOrThrow({ where: { id } });
    if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) {
      authorize(agent.role, assignmentAction(current.assigneeId, input.assigneeId, agent.id));
      await assignIn(tx, id, input.assigneeId, { actorType: 'agent', agentId: agent.id });
    }
    if (input.status && input.status !== current.status) await plainMoveIn(tx, id, input.status, agent);
    const { status: _s, assigneeId: _a, version: _v, ...plain } = input;
    const changed = Object.entries(plain).filter(([k, v]) => v !== undefined && v !== current[k as keyof typeof plain]);
    if (changed.length === 0) return;
    authorizeOn(agent, current);
    const next = { ...current, ...Object.fromEntries(changed) };
    if (!next.contactEmail && !next.contactPhone)
      throw badRequest('Keep an email or a phone to reach the customer', {
        contactEmail: fieldErrorText('contact_required', agent.locale),
      });
    await tx.ticket.update({ where: { id }, data: Object.fromEntries(changed) });
    // The contact that was replaced hears of it: an insider moving an appeal to their own address is seen.
    if (changed.some(([k]) => k === 'contactEmail' || k === 'contactPhone')) {
      const link = statusLink(ctx.config.publicBaseUrl, current.reference);
      for (const n of noticesFor(current, 'contact_changed', { statusLink: link })) await enqueueIn(tx, n);
    }
    await tx.event.create({
      data: {
        ticketId: id,
        actorType: 'agent',
        agentId: agent.id,
        type: 'ticket.updated',
        data: Object.fromEntries(changed.map(([k, v]) => [k, { from: current[k as keyof typeof plain], to: v }])),
      },
    });
  });
}
