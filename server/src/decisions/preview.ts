import { effectLabels } from '../catalog/labels';
import { effectOf, fourEyesReason, getKind, outcomeOf, slotsFor } from '../catalog';
import { can, mayActOn, mayDecide } from '../auth/policy';
import type { Db } from '../db/client';
import type { Agent } from '../generated/prisma/client';
import { isoTime, isoTimeOrNull } from '../http/isoTime';
import { statementOf } from '../effects/registry';
import { blockersIn, decisionNotesOf, type TicketForDecision } from './blockers';
import type { DecisionPreview, ProposalView } from '../contract/decisions';

type Proposal = { message: string; overridden: ProposalView['overridden']; overrideReason: string | null };

/** What approving this ticket would do and what stands in its way, for the agent looking at it. */
export async function decisionPreview(db: Db, ticket: TicketForDecision, viewer: Agent): Promise<DecisionPreview> {
  const kind = getKind(ticket.kind)!;
  const slotDefs = new Map(slotsFor(kind, ticket.subjectType, ticket.variant).map((s) => [s.key, s]));
  const slotKeys = new Map(ticket.slots.map((s) => [s.id, s.slotKey]));
  let proposal: ProposalView | null = null;
  if (ticket.status === 'approval_pending' && ticket.proposal && ticket.proposedAt) {
    const p = ticket.proposal as Proposal;
    const by = ticket.proposedById
      ? await db.agent.findUnique({ where: { id: ticket.proposedById }, select: { id: true, name: true } })
      : null;
    proposal = {
      proposedBy: by ?? { id: ticket.proposedById ?? 0, name: '—' },
      proposedAt: isoTime(ticket.proposedAt),
      message: p.message,
      overridden: p.overridden,
      overrideReason: p.overrideReason,
      mayConfirm: can(viewer.role, 'tickets.confirm') && ticket.proposedById !== viewer.id,
    };
  }
  return {
    effect: {
      code: effectOf(kind, ticket.variant),
      label: effectLabels[effectOf(kind, ticket.variant)],
      statement: statementOf(ticket),
      outcome: outcomeOf(kind, ticket.variant),
    },
    fourEyes: fourEyesReason(kind, ticket.variant) !== null,
    fourEyesReason: fourEyesReason(kind, ticket.variant),
    blockers: await blockersIn(db, ticket),
    notes: decisionNotesOf(ticket),
    unreviewedFiles: ticket.evidence
      .filter((e) => e.verdict === null)
      .map((e) => {
        const slot = slotKeys.get(e.slotId) ?? '';
        return {
          evidenceId: e.id,
          slot,
          slotLabel: slotDefs.get(slot)?.label ?? { 'zh-CN': slot, en: slot },
          originalName: e.originalName,
        };
      }),
    mayDecide: mayDecide(viewer, ticket),
    mayAct: mayActOn(viewer, ticket),
    mayOverride: can(viewer.role, 'tickets.override'),
    ownerVerifiedAt: isoTimeOrNull(ticket.ownerVerifiedAt),
    ownerObjectedAt: isoTimeOrNull(ticket.ownerObjectedAt),
    proposal,
  };
}
