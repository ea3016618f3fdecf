import type { Db } from '../db/client';
import { HttpError } from '../http/errors';
import { enqueueIn } from '../notifications/outbox';
import type { ObjectionRecorded } from '../contract/ownerCodes';
import { OBJECTION_LINK_DAYS, objectionTokenHash } from './ownerNotices';

const unknownLink = () => new HttpError(404, 'OBJECTION_NOT_FOUND', 'This link is not valid or has expired');

/**
 * The owner's "this wasn't me" (docs/owner-binding.md): the ticket gets an objection that stops its approval, the
 * ticket becomes urgent, an event is written, and every active supervisor and admin is alerted. The link works once.
 */
export async function recordObjection(db: Db, token: string, consoleBaseUrl: string): Promise<ObjectionRecorded> {
  const hash = objectionTokenHash(token);
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { objectionTokenHash: hash } });
    if (!ticket || ticket.submittedAt.getTime() < Date.now() - OBJECTION_LINK_DAYS * 86_400_000) throw unknownLink();
    if (ticket.ownerObjectedAt) throw new HttpError(409, 'OBJECTION_USED', 'Your objection was already recorded');
    const now = new Date();
    await tx.ticket.update({ where: { id: ticket.id }, data: { ownerObjectedAt: now, priority: 'urgent', version: { increment: 1 } } });
    await tx.event.create({
      data: { ticketId: ticket.id, actorType: 'customer', type: 'owner.objected', data: { status: ticket.status } },
    });
    const supervisors = await tx.agent.findMany({
      where: { active: true, role: { in: ['supervisor', 'admin'] } },
      select: { email: true },
    });
    const link = `${consoleBaseUrl.replace(/\/+$/, '')}/#/tickets/${ticket.id}/show`;
    await enqueueIn(
      tx,
      supervisors.map((s) => ({
        ticketId: ticket.id,
        channel: 'email' as const,
        recipient: s.email,
        subject: `账号所有人提出异议 / Account owner objected: ${ticket.reference}`,
        body: `账号所有人通过通知中的链接表示申诉 ${ticket.reference} 不是本人提交（工单当前状态：${ticket.status}）。该工单已不能被批准，请核查。\n${link}\n\nThe account owner answered the notice of appeal ${ticket.reference}: "this wasn't me" (ticket status: ${ticket.status}). It can no longer be approved; please look into it.\n${link}`,
      })),
    );
    return { reference: ticket.reference, recordedAt: now.toISOString() };
  });
}
