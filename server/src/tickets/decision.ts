import { z } from 'zod';
import { getKind, type Localized } from '../catalog';
import { can } from '../auth/policy';
import type { AppContext } from '../context';
import { effects } from '../effects/registry';
import type { Agent } from '../generated/prisma/client';
import { HttpError, conflict, forbidden, notFound } from '../http/errors';
import { phoneReleasedNotice, noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { maskPhone } from '../privacy/mask';
import { requireReason } from '../rejectionReasons/resource';
import { preconditionsFor } from '../review/declaredVsOnFile';
import { transitionIn } from './workflow';

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  reasonCode: z.string().max(50).optional(),
  message: z.string().trim().min(1, 'Write the message the customer will read').max(5000),
  /** A supervisor may approve although a precondition fails or a file was rejected; the reason is recorded. */
  override: z.boolean().optional(),
});

/**
 * Approve or reject. Approval applies the kind's effect to the account in the same transaction as the status
 * change, the events (with before and after) and the notices; rejection leaves the account untouched.
 */
export async function decide(ctx: AppContext, ticketId: number, agent: Agent, input: z.infer<typeof decisionSchema>) {
  if (input.override && !can(agent.role, 'tickets.override')) throw forbidden('Only supervisors may override the checks');
  return ctx.db.$transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, include: { account: true, slots: true } });
    if (!ticket) throw notFound('Ticket');
    if (ticket.status !== 'in_review') throw conflict(`Only a ticket in review can be decided; this one is ${ticket.status}`, 'ILLEGAL_TRANSITION');
    const kind = getKind(ticket.kind)!;
    const link = statusLink(ctx.config.publicBaseUrl, ticket.reference);
    const by = { actorType: 'agent' as const, agentId: agent.id };

    if (input.decision === 'reject') {
      const reason = await requireReason(tx, input.reasonCode, 'decision');
      await tx.ticket.update({ where: { id: ticketId }, data: { decision: 'reject', decisionReason: reason.code } });
      await transitionIn(tx, ticketId, 'rejected', by, reason.code);
      await tx.message.create({ data: { ticketId, kind: 'public_reply', agentId: agent.id, body: input.message } });
      await tx.event.create({ data: { ticketId, actorType: 'agent', agentId: agent.id, type: 'ticket.decided', reason: reason.code, data: { decision: 'reject' } } });
      const reasonText = ticket.locale === 'en' ? reason.labelEn : reason.labelZh;
      for (const n of noticesFor(ticket, 'rejected', { statusLink: link, message: input.message, reason: reasonText })) await enqueueIn(tx, n);
      return { decision: 'reject' as const };
    }

    const blockers: { code: string; label: Localized }[] = [];
    if (!ticket.complete) blockers.push({ code: 'materials_incomplete', label: { 'zh-CN': '必填材料缺失、未通过检查或正等待客户补充', en: 'Required materials are missing, failed or awaited from the customer' } });
    if (ticket.slots.some((s) => s.verdict === 'rejected')) blockers.push({ code: 'material_rejected', label: { 'zh-CN': '有材料已被驳回', en: 'A material was rejected' } });
    for (const p of await preconditionsFor(tx, ticket, ticket.account)) if (!p.ok) blockers.push({ code: p.code, label: p.detail ?? p.label });
    if (blockers.length && !input.override) {
      const list = blockers.map((b) => b.label.en).join('; ');
      throw new HttpError(409, 'APPROVAL_BLOCKED', `Cannot approve: ${list}`, undefined, undefined, { blockers });
    }

    const effect = effects[kind.effect];
    if (effect.needsAccount && !ticket.account) throw conflict('The appeal names no account in the directory, so approval has nothing to change', 'NO_ACCOUNT');
    const outcome = await effect.apply({
      tx, ticket, account: ticket.account, now: new Date(),
      fields: ticket.fields as Record<string, string>, digests: ticket.fieldDigests as Record<string, string>,
    });
    await tx.ticket.update({ where: { id: ticketId }, data: { decision: 'approve', decisionReason: null } });
    await transitionIn(tx, ticketId, 'approved', by, input.override ? `override: ${blockers.map((b) => b.code).join(', ')}` : null);
    await tx.message.create({ data: { ticketId, kind: 'public_reply', agentId: agent.id, body: input.message } });
    await tx.event.create({
      data: {
        ticketId, actorType: 'agent', agentId: agent.id, type: 'ticket.decided', reason: input.override ? 'override' : null,
        data: { decision: 'approve', effect: kind.effect, changes: outcome.changes, ...(outcome.facts ? { facts: outcome.facts } : {}), ...(input.override ? { overridden: blockers.map((b) => b.code) } : {}) },
      },
    });
    for (const c of outcome.changes) {
      await tx.event.create({ data: { ticketId, actorType: 'agent', agentId: agent.id, type: 'account.changed', data: c } });
    }
    for (const n of noticesFor(ticket, 'approved', { statusLink: link, message: input.message })) await enqueueIn(tx, n);
    for (const owner of outcome.tellOwners) {
      for (const n of phoneReleasedNotice(owner, { phoneMasked: maskPhone(owner.phone) ?? '', reference: ticket.reference })) await enqueueIn(tx, { ...n, ticketId });
    }
    return { decision: 'approve' as const, changes: outcome.changes, facts: outcome.facts ?? null };
  });
}
