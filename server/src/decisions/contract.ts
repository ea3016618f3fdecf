// What the decision routes send and answer: imported (as types) by the server, the console and its test mocks.
import type { BlockerCode, DecisionNoteCode, EffectCode, Localized, PreconditionCode } from '../catalog';

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
export type DecisionRequest = {
  decision: 'approve' | 'reject';
  reasonCode?: string;
  message: string;
  /** Supervisors only, with overrideReason: approve although overridable blockers stand. */
  override?: boolean;
  overrideReason?: string;
  /** The ticket's version the agent's page read: a ticket changed since is refused (409 STALE). */
  version?: number;
};

/** POST /api/tickets/:id/decision/confirm */
export type ConfirmRequest = { approve: boolean; note?: string; version?: number };
