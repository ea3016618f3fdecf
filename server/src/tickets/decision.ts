import { effectOf, fourEyesReason, getKind, outcomeOf } from '../catalog';
import { authorize, authorizeOn, can, mayDecide } from '../auth/policy';
import type { AppContext } from '../context';
import { basisOf, type DecisionBasis } from '../decisions/basis';
import { blockersIn, loadForDecision, standingBlockers, type TicketForDecision } from '../decisions/blockers';
import type { Blocker, ConfirmInput, DecisionInput } from '../contract/decisions';
import { effectFor, statementOf } from '../effects/registry';
import { Prisma, type Agent } from '../generated/prisma/client';
import { HttpError, conflict, forbidden, notFound } from '../http/errors';
import { noticeLocale, phoneReleasedNotice, noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { tellOwnerOfDecisionIn } from '../ownerProof/ownerNotices';
import { maskPhone } from '../privacy/mask';
import { presentPersonal } from '../privacy/presenter';
import { requireReason } from '../rejectionReasons/requireReason';
import { lockTicketIn, transitionIn } from './workflow';

type Proposal = { message: string; overridden: string[]; overrideReason: string | null; digest: string };

/** The transition's reason when blockers were overridden: their codes, which the console reads as their labels. */
const overrideNote = (overridden: string[]) => (overridden.length ? `override:${overridden.join(',')}` : null);

const blocked = (blockers: Blocker[]) =>
  new HttpError(409, 'APPROVAL_BLOCKED', `Cannot approve: ${blockers.map((b) => b.label.en).join('; ')}`, undefined, undefined, {
    blockers,
  });

/**
 * Approve or reject (docs/decisions.md). Only the assignee or a supervisor decides; approval goes ahead only when
 * no blocker stands (a supervisor may override the overridable ones, with a reason). Where the catalog asks for
 * four eyes, approval becomes a proposal that a different supervisor confirms; otherwise the effect is applied
 * in the same transaction as the status change, the events and the notices.
 */
export async function decide(ctx: AppContext, ticketId: number, agent: Agent, input: DecisionInput) {
  if (input.override && !can(agent.role, 'tickets.override')) throw forbidden('Only supervisors may override the checks');
  return ctx.db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, ticketId, ['in_review'], input.version))) {
      const current = await tx.ticket.findUnique({ where: { id: ticketId }, select: { status: true } });
      if (!current) throw notFound('Ticket');
      throw conflict(`Only a ticket in review can be decided; this one is ${current.status}`, 'ILLEGAL_TRANSITION');
    }
    const ticket = (await loadForDecision(tx, ticketId))!;
    authorizeOn(agent, ticket, mayDecide);
    const by = { actorType: 'agent' as const, agentId: agent.id };

    if (input.decision === 'reject') {
      const reason = await requireReason(tx, input.reasonCode, 'decision');
      await tx.ticket.update({ where: { id: ticketId }, data: { decision: 'reject', decisionReason: reason.code } });
      await transitionIn(tx, ticketId, 'rejected', by, reason.code);
      await tx.message.create({ data: { ticketId, kind: 'public_reply', agentId: agent.id, body: input.message } });
      await tx.event.create({
        data: {
          ticketId,
          actorType: 'agent',
          agentId: agent.id,
          type: 'ticket.decided',
          reason: reason.code,
          data: { decision: 'reject' },
        },
      });
      const reasonText = ticket.locale === 'en' ? reason.labelEn : reason.labelZh;
      for (const n of noticesFor(ticket, 'rejected', {
        statusLink: statusLink(ctx.config, ticket.reference),
        message: input.message,
        reason: reasonText,
      }))
        await enqueueIn(tx, n);
      if (ticket.account) await tellOwnerOfDecisionIn(tx, ticket, ticket.account, 'rejected', statementOf(ticket));
      return { decision: 'reject' as const };
    }

    const blockers = await blockersIn(tx, ticket);
    const standing = standingBlockers(blockers, input.override ?? false);
    if (standing.length) throw blocked(standing);
    const overridden = blockers.map((b) => b.code);
    const overrideReason = overridden.length ? (input.overrideReason ?? null) : null;
    const basis = basisOf(ticket);

    if (fourEyesReason(ticket.kind, ticket.variant)) {
      const proposal: Proposal = { message: input.message, overridden, overrideReason, digest: basis.digest };
      await tx.ticket.update({ where: { id: ticketId }, data: { proposedById: agent.id, proposedAt: new Date(), proposal } });
      await transitionIn(tx, ticketId, 'approval_pending', by, overrideNote(overridden));
      await tx.event.create({
        data: {
          ticketId,
          actorType: 'agent',
          agentId: agent.id,
          type: 'decision.proposed',
          reason: overrideReason,
          data: { overridden, basis: { files: basis.files, account: basis.account, digest: basis.digest } },
        },
      });
      return { decision: 'approve' as const, pending: true as const };
    }
    return applyApprovalIn(ctx, tx, ticket, { by: agent, message: input.message, overridden, overrideReason, basis });
  });
}

/**
 * The second person's answer to a proposal. A confirmation applies the effect unless the ticket, its files or the
 * account changed since the proposal (409 STALE_PROPOSAL) or a new blocker arose (409 APPROVAL_BLOCKED); either
 * way the ticket goes back to review. `approve: false` sends it back with the note.
 */
export async function confirmDecision(ctx: AppContext, ticketId: number, agent: Agent, input: ConfirmInput) {
  authorize(agent.role, 'tickets.confirm');
  const outcome = await ctx.db.$transaction(async (tx) => {
    if (!(await lockTicketIn(tx, ticketId, ['approval_pending'], input.version))) {
      const current = await tx.ticket.findUnique({ where: { id: ticketId }, select: { status: true } });
      if (!current) throw notFound('Ticket');
      throw conflict(`Only a pending approval can be confirmed; this ticket is ${current.status}`, 'ILLEGAL_TRANSITION');
    }
    const ticket = (await loadForDecision(tx, ticketId))!;
    if (ticket.proposedById === agent.id)
      throw forbidden('The agent who proposed an approval cannot confirm it: a second person must', 'SAME_PERSON');
    const proposal = ticket.proposal as Proposal;
    const proposer = ticket.proposedById;
    const backToReview = async (type: string, reason: string | null, data: Prisma.InputJsonObject) => {
      await tx.ticket.update({ where: { id: ticketId }, data: { proposedById: null, proposedAt: null, proposal: Prisma.DbNull } });
      await transitionIn(tx, ticketId, 'in_review', { actorType: 'agent', agentId: agent.id }, reason);
      await tx.event.create({
        data: { ticketId, actorType: 'agent', agentId: agent.id, type, reason, data: { proposedBy: proposer, ...data } },
      });
    };

    if (!input.approve) {
      await backToReview('decision.sent_back', input.note ?? null, {});
      return { decision: 'sent_back' as const };
    }
    const basis = basisOf(ticket);
    if (basis.digest !== proposal.digest) {
      await backToReview('decision.stale', 'changed since the proposal', { proposedDigest: proposal.digest, currentDigest: basis.digest });
      return { stale: true as const };
    }
    const blockers = await blockersIn(tx, ticket);
    const standing = blockers.filter((b) => !(b.overridable && proposal.overridden.includes(b.code)));
    if (standing.length) {
      await backToReview('decision.blocked', standing.map((b) => b.code).join(', '), {});
      return { blockers: standing };
    }
    const proposerAgent = proposer ? await tx.agent.findUnique({ where: { id: proposer } }) : null;
    return applyApprovalIn(ctx, tx, ticket, {
      by: agent,
      proposer: proposerAgent,
      note: input.note ?? null,
      message: proposal.message,
      overridden: proposal.overridden,
      overrideReason: proposal.overrideReason,
      basis,
    });
  });
  // Sent back above, in a transaction that committed: the refusal is answered now.
  if ('stale' in outcome)
    throw conflict('The ticket, its files or the account changed after the proposal: it is back in review', 'STALE_PROPOSAL');
  if ('blockers' in outcome && outcome.blockers) throw blocked(outcome.blockers);
  return outcome;
}

type Approval = {
  by: Agent;
  proposer?: Agent | null;
  note?: string | null;
  message: string;
  overridden: string[];
  overrideReason: string | null;
  basis: DecisionBasis;
};

async function applyApprovalIn(ctx: AppContext, tx: Prisma.TransactionClient, ticket: TicketForDecision, a: Approval) {
  const kind = getKind(ticket.kind)!;
  const effect = effectFor(ticket);
  const author = a.proposer ?? a.by;
  const outcome = await effect.apply({
    tx,
    ticket,
    account: ticket.account,
    now: new Date(),
    fields: ticket.fields as Record<string, string>,
    digests: ticket.fieldDigests as Record<string, string>,
  });
  // The exact values are kept once, in the account.changed events (erasable, shown masked); elsewhere only masked.
  const changes = presentPersonal(outcome.changes);
  await tx.ticket.update({
    where: { id: ticket.id },
    data: { decision: 'approve', decisionReason: null, proposedById: null, proposedAt: null, proposal: Prisma.DbNull },
  });
  await transitionIn(tx, ticket.id, 'approved', { actorType: 'agent', agentId: a.by.id }, overrideNote(a.overridden));
  // What the effect found for the customer (a retrieval's accounts) follows the agent's words, in the appeal's language.
  const message = outcome.reply ? `${a.message}\n\n${outcome.reply[ticket.locale === 'en' ? 'en' : 'zh-CN']}` : a.message;
  await tx.message.create({ data: { ticketId: ticket.id, kind: 'public_reply', agentId: author.id, body: message } });
  await tx.event.create({
    data: {
      ticketId: ticket.id,
      actorType: 'agent',
      agentId: a.by.id,
      type: 'ticket.decided',
      reason: a.overrideReason,
      data: {
        decision: 'approve',
        effect: effectOf(kind, ticket.variant),
        changes,
        ...(outcome.facts ? { facts: outcome.facts } : {}),
        ...(a.overridden.length ? { overridden: a.overridden } : {}),
        ...(a.proposer ? { proposedBy: a.proposer.id, confirmedBy: a.by.id, note: a.note ?? null } : {}),
        basis: { files: a.basis.files, account: a.basis.account, digest: a.basis.digest },
      },
    },
  });
  for (const c of outcome.changes) {
    await tx.event.create({ data: { ticketId: ticket.id, actorType: 'agent', agentId: a.by.id, type: 'account.changed', data: c } });
  }
  const told = {
    statusLink: statusLink(ctx.config, ticket.reference),
    message,
    outcome: outcomeOf(kind, ticket.variant)[noticeLocale(ticket.locale)],
  };
  for (const n of noticesFor(ticket, 'approved', told)) await enqueueIn(tx, n);
  // The owner hears "your account was changed" only when it was.
  if (ticket.account)
    await tellOwnerOfDecisionIn(tx, ticket, ticket.account, outcome.changes.length ? 'approved' : 'handled', statementOf(ticket));
  for (const owner of outcome.tellOwners) {
    for (const n of phoneReleasedNotice(owner, { phoneMasked: maskPhone(owner.phone) ?? '', reference: ticket.reference }))
      await enqueueIn(tx, { ...n, ticketId: ticket.id });
  }
  return { decision: 'approve' as const, changes, facts: outcome.facts ?? null };
}
