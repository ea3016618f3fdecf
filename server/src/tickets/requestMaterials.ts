import { slotsFor } from '../catalog';
import type { AppContext } from '../context';
import { badRequest, conflict, notFound } from '../http/errors';
import { enqueueIn } from '../notifications/outbox';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { authorizeOn } from '../auth/policy';
import { lockTicketIn, transitionIn } from './workflow';
import type { RequestMaterials } from '../contract/tickets';

/**
 * Asks the customer for materials: the slots are marked, the message becomes a public reply, the ticket waits
 * for the customer (its SLA clock paused) and the customer is told, all in one transaction.
 */
export async function requestMaterials(ctx: AppContext, ticketId: number, agent: { id: number; role: string }, input: RequestMaterials) {
  const agentId = agent.id;
  await ctx.db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, ticketId, null, input.version))) throw notFound('Ticket');
    const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, include: { slots: true } });
    if (!ticket) throw notFound('Ticket');
    authorizeOn(agent, ticket);
    if (!['triage', 'in_review', 'awaiting_customer'].includes(ticket.status)) {
      throw conflict(`Materials can be asked for while a ticket is in triage or review, not ${ticket.status}`, 'ILLEGAL_TRANSITION');
    }
    const defs = slotsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined);
    const unknown = input.slots.filter((k) => !defs.some((d) => d.key === k));
    if (unknown.length)
      throw badRequest(`Not a material of this ticket: ${unknown.join(', ')}`, { slots: `Unknown: ${unknown.join(', ')}` }, 'UNKNOWN_SLOT');
    const now = new Date();
    await tx.materialSlot.updateMany({ where: { ticketId, slotKey: { in: input.slots } }, data: { requestedAt: now } });
    await tx.ticket.update({ where: { id: ticketId }, data: { complete: false } });
    await tx.message.create({ data: { ticketId, kind: 'public_reply', agentId, body: input.message } });
    await tx.event.create({ data: { ticketId, actorType: 'agent', agentId, type: 'materials.requested', data: { slots: input.slots } } });
    if (ticket.status !== 'awaiting_customer')
      await transitionIn(tx, ticketId, 'awaiting_customer', { actorType: 'agent', agentId }, 'materials_requested');
    const language = ticket.locale === 'en' ? 'en' : 'zh-CN';
    const labels = defs.filter((d) => input.slots.includes(d.key)).map((d) => d.label[language]);
    for (const n of noticesFor(ticket, 'materials_requested', {
      statusLink: statusLink(ctx.config, ticket.reference),
      message: input.message,
      slots: labels,
    })) {
      await enqueueIn(tx, n);
    }
  });
}
