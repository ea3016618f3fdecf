import { can } from '../auth/policy';
import { contactFields, type ContactField, type RevealInput } from '../contract/reveal';
import type { Db } from '../db/client';
import type { Agent } from '../generated/prisma/client';
import { forbidden, notFound } from '../http/errors';

const answerKey: Record<ContactField, 'name' | 'email' | 'phone'> = { contactName: 'name', contactEmail: 'email', contactPhone: 'phone' };

/** Who needs a customer's full contact: the agent the ticket is assigned to (to call them back), supervisors and admins. */
export const mayReveal = (agent: { id: number; role: string }, ticket: { assigneeId: number | null }) =>
  ticket.assigneeId === agent.id || can(agent.role, 'tickets.actOnOthers');

/** The full contact of a ticket, for one who needs it; every reveal is an event naming who and which fields. */
export async function revealContact(db: Db, agent: Agent, input: RevealInput) {
  const fields = [...new Set(input.fields ?? contactFields)];
  return db.$transaction(async (tx) => {
    const t = await tx.ticket.findUnique({
      where: { id: input.ticketId },
      select: { id: true, assigneeId: true, contactName: true, contactEmail: true, contactPhone: true },
    });
    if (!t) throw notFound('Ticket');
    if (!mayReveal(agent, t)) throw forbidden("Only the ticket's assignee, a supervisor or an admin sees the full contact", 'NOT_ASSIGNEE');
    await tx.event.create({ data: { ticketId: t.id, actorType: 'agent', agentId: agent.id, type: 'privacy.revealed', data: { fields } } });
    return {
      ticketId: t.id,
      contact: Object.fromEntries(fields.map((f) => [answerKey[f], t[f]])) as Partial<Record<'name' | 'email' | 'phone', string | null>>,
    };
  });
}
