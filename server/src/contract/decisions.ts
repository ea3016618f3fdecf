// What the decision routes take and answer: the server, the console and its test mocks read these.
import { z } from 'zod';
import type { BlockerCode, DecisionNoteCode, EffectCode, Localized, PreconditionCode } from '../catalog';
import { versionField } from './version';

export type Blocker = {
  code: BlockerCode;
  label: Localized;
  /** For precondition_failed: which one. */
  precondition?: PreconditionCode;
  /** The particular: which field, which precondition, which address. */
  detail?: Localized;
  /** A supervisor may approve anyway with a recorded reason. */
  overridable: boolean;
};

/** Something the agent should know before deciding that does not stand in the way. */
export type DecisionNote = { code: DecisionNoteCode; label: Localized };

export type UnreviewedFile = { evidenceId: number; slot: string; slotLabel: Localized; originalName: string };

export type ProposalView = {
  proposedBy: { id: number; name: string };
  proposedAt: string;
  message: string;
  /** Blocker codes a supervisor overrode when proposing, and why. */
  overridden: BlockerCode[];
  overrideReason: string | null;
  /** The signed-in agent is a supervisor or admin other than the proposer. */
  mayConfirm: boolean;
};

/** GET /api/tickets/:id/review → `decision`: what approving would do and what stands in its way. */
export type DecisionPreview = {
  /** `outcome`: what the customer is told approval did (the variant's words, else the effect's label). */
  effect: { code: EffectCode; label: Localized; statement: Localized; outcome: Localized };
  /** Approval is a proposal that a different supervisor or admin confirms. */
  fourEyes: boolean;
  fourEyesReason: Localized | null;
  blockers: Blocker[];
  notes: DecisionNote[];
  unreviewedFiles: UnreviewedFile[];
  /** The signed-in agent is the assignee, or a supervisor or admin. */
  mayDecide: boolean;
  /** The signed-in agent may move the ticket and ask for materials: it is theirs, unassigned, or they supervise. */
  mayAct: boolean;
  mayOverride: boolean;
  ownerVerifiedAt: string | null;
  ownerObjectedAt: string | null;
  proposal: ProposalView | null;
};

/** POST /api/tickets/:id/decision */
export const decisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reasonCode: z.string().max(50).optional(),
    message: z.string().trim().min(1, 'Write the message the customer will read').max(5000),
    /** A supervisor may approve although overridable blockers stand; the reason is recorded. */
    override: z.boolean().optional(),
    overrideReason: z.string().trim().max(2000).optional(),
    version: versionField,
  })
  .superRefine((d, ctx) => {
    if (d.override && (d.overrideReason ?? '').length < 10) {
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'Say why the checks are overridden (10 characters at least)' });
    }
  });

/** POST /api/tickets/:id/decision/confirm */
export const confirmSchema = z.object({ approve: z.boolean(), note: z.string().trim().max(2000).optional(), version: versionField });

export type DecisionRequest = z.input<typeof decisionSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
export type ConfirmRequest = z.input<typeof confirmSchema>;
export type ConfirmInput = z.infer<typeof confirmSchema>;
