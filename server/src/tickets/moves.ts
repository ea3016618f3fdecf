import { authorize } from '../auth/policy';
import type { Db } from '../db/client';
import type { BulkOutcome } from '../contract/records';
import type { TicketStatus } from '../contract/statuses';
import { HttpError, notFound } from '../http/errors';
import { assignIn, assignmentAction, lockTicketIn, plainMoveIn } from './workflow';

type Mover = { id: number; role: string };

/** An agent's plain move of one ticket (never to or from a decision), refused if it changed since `version`. */
export async function moveTicket(db: Db, id: number, to: TicketStatus, agent: Mover, reason?: string, version?: number) {
  await db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, id, null, version))) throw notFound('Ticket');
    await plainMoveIn(tx, id, to, agent, reason);
  });
}

/** A new assignee (or none) for one ticket, as far as the agent's role lets them, refused if it changed since `version`. */
export async function assignTicket(db: Db, id: number, agentId: number | null, agent: Mover, reason?: string, version?: number) {
  await db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, id, null, version))) throw notFound('Ticket');
    const current = await tx.ticket.findUnique({ where: { id }, select: { assigneeId: true } });
    if (!current) throw notFound('Ticket');
    authorize(agent.role, assignmentAction(current.assigneeId, agentId, agent.id));
    await assignIn(tx, id, agentId, { actorType: 'agent', agentId: agent.id }, reason);
  });
}

/** A bulk action: one transaction per ticket, so one refused ticket does not undo the others. */
export async function eachTicket(ids: number[], act: (id: number) => Promise<unknown>): Promise<BulkOutcome> {
  const done: BulkOutcome['done'] = [];
  const failed: BulkOutcome['failed'] = [];
  for (const id of ids) {
    try {
      await act(id);
      done.push(id);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      failed.push({ id, code: e.code, message: e.message });
    }
  }
  return { done, failed };
}
