// What the API answers, as the console reads it: records arrive with their identifiers already masked by the server.
import type { Role } from '../auth/policy';
import type { LoginMethodType, SubjectType } from '../catalog/codes';
import type { Finding, Severity } from '../evidence/inspection/findings';
import type { PhoneHolder } from '../review/phoneHolders';
import type { DecisionPreview, DecisionRequest } from './decisions';
import type { Priority, slotStates, TicketStatus, verdicts } from './statuses';

export type { Finding, LoginMethodType, PhoneHolder, Role, Severity, SubjectType };
export type { PublicCatalog, PublicField, PublicKind, PublicSlot } from '../catalog/publicCatalog';

export type SlotState = (typeof slotStates)[number];
export type Verdict = (typeof verdicts)[number];

export type LocalizedMessage = {
  'zh-CN': string;
  en: string;
};

export type MaterialSlot = {
  id: number;
  key: string;
  required: boolean;
  state: SlotState;
  verdict: Verdict | null;
  reasonCode: string | null;
  evidenceCount: number;
  /** Only on getOne: when the customer was asked again, the current file and its findings. */
  requestedAt?: string | null;
  evidenceId?: number | null;
  findings?: Finding[];
};

export type TicketContact = {
  name: string;
  email: string | null;
  phone: string | null;
};

/** `POST /api/privacy/reveal`: the fields asked for, in full. */
export type RevealedContact = {
  ticketId: number;
  contact: Partial<TicketContact>;
};

export type Ticket = {
  id: number;
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: SubjectType;
  status: TicketStatus;
  priority: Priority;
  assigneeId: number | null;
  accountId: number | null;
  accountUin: string | null;
  fields: Record<string, string>;
  /** Masked by the server; the full contact comes only through an audited reveal. */
  contact: TicketContact;
  locale: string;
  complete: boolean;
  overdue: boolean;
  slaDueAt: string;
  slaPausedAt: string | null;
  submittedAt: string;
  decidedAt: string | null;
  closedAt: string | null;
  /** When the customer proved control with a code sent to the account's security phone or email. */
  ownerVerifiedAt: string | null;
  /** When the account owner answered a notice with "this wasn't me". */
  ownerObjectedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Counts the changes to the ticket; every action sends back the one its page shows (409 STALE if it moved on). */
  version: number;
  /** When the customer last replied or uploaded; null when they have not since filing. */
  customerActivityAt?: string | null;
  /** In a list answer: the customer changed it since the signed-in agent, its assignee, last looked. */
  unread?: boolean;
  slots?: MaterialSlot[];
};

/** One of the customer's other appeals, as GET /api/tickets/:id/history lists them (server/src/tickets/history.ts). */
export type HistoryEntry = {
  id: number;
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: SubjectType;
  status: TicketStatus;
  decision: 'approve' | 'reject' | null;
  decisionReason: string | null;
  accountUin: string | null;
  contactName: string;
  contactPhone: string | null;
  submittedAt: string;
  decidedAt: string | null;
  matchedBy: ('account' | 'phone' | 'idNumber')[];
};

export type TicketEvent = {
  id: number;
  ticketId: number | null;
  actorType: 'agent' | 'customer' | 'system';
  agentId: number | null;
  type: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
};

export type MessageKind = 'public_reply' | 'internal_note' | 'customer_message';

export type TicketMessage = {
  id: number;
  ticketId: number;
  kind: MessageKind;
  agentId: number | null;
  body: string;
  createdAt: string;
};

export type LoginMethod = {
  type: LoginMethodType;
  identifier: string;
  registration: boolean;
};

export type Account = {
  id: number;
  uin: string;
  subjectType: SubjectType;
  realName: string | null;
  companyName: string | null;
  idNumber: string | null;
  creditCode: string | null;
  securityPhone: string | null;
  securityEmail: string | null;
  loginMethods: LoginMethod[];
  mfaBound: boolean;
  protection: {
    login: boolean;
    operation: boolean;
    remoteLogin: boolean;
    mfaType: string | null;
    verifier?: { type: string; identifier: string };
  };
  balanceCents: number;
  arrearsCents: number;
  vouchers: number;
  resourcesInUse: number;
  subUsers: number;
  collaborators: number;
  openComplaints: number;
  unfinishedOrders: number;
  messageRecipients: number;
  advancePaymentCents: number;
  /** Resources the owner may give up instead of deleting when cancelling (docs/rules.md). */
  abandonableResources: Array<{ category: string; name: string; expiresAt?: string | null }>;
  handlerName: string | null;
  lastRealNameVerifiedAt: string | null;
  lastRealNameChangeAt: string | null;
  status: 'active' | 'frozen' | 'cancelled';
  createdAt: string;
  updatedAt: string;
};

export type Agent = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  locale: string;
  lastLoginAt: string | null;
  createdAt: string;
};

export type DecisionsOnDay = {
  day: string;
  approved: number;
  rejected: number;
};

export type Overview = {
  open: number;
  overdue: number;
  dueSoon: number;
  byStatus: Partial<Record<TicketStatus, number>>;
  byKind: Record<string, number>;
  medianHoursToDecision: number | null;
  decisionsPerDay: DecisionsOnDay[];
  loadPerAgent: Array<{ agentId: number | null; open: number }>;
};

export type Evidence = {
  id: number;
  ticketId: number;
  slotId: number;
  sha256: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  originalName: string;
  findings: Finding[];
  state: SlotState;
  verdict: Verdict | null;
  reasonCode: string | null;
  current: boolean;
  purgedAt: string | null;
  createdAt: string;
};

export type RejectionScope = 'evidence' | 'decision' | 'both';

export type RejectionReason = {
  id: number;
  code: string;
  labelZh: string;
  labelEn: string;
  scope: RejectionScope;
  active: boolean;
};

export type Macro = {
  id: number;
  name: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  kinds: string[];
  active: boolean;
};

export type RenderedMacro = {
  body: string;
  bodyZh: string;
  bodyEn: string;
  locale: string;
};

export type Holiday = {
  id: number;
  day: string;
  name: string;
  /** A make-up working day (调休): a weekend day the SLA clock counts. */
  workday: boolean;
};

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

export type Notification = {
  id: number;
  ticketId: number | null;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  createdAt: string;
};

export type ComparisonResult = 'match' | 'mismatch' | 'not_on_file' | 'not_declared';

/** GET /tickets/:id/review: the declared fields beside the account record, and the kind's preconditions. */
export type TicketReview = {
  account: Account | null;
  comparison: Array<{
    field: string;
    label: LocalizedMessage;
    declared: string | null;
    onFile: string | null;
    result: ComparisonResult;
  }>;
  preconditions: Array<{ code: string; ok: boolean; label: LocalizedMessage; detail?: LocalizedMessage }>;
  /** Everyone holding the phone the appeal is about (accounts and their members), masked; null when it names none. */
  phoneHolders: PhoneHolder[] | null;
  summary: { mismatches: number; preconditionsFailed: number };
  /** What approving would do, who may do it and what stands in its way. */
  decision: DecisionPreview;
};

/** What a bulk action did: each ticket is moved (or not) on its own. */
export type BulkOutcome = {
  done: number[];
  failed: Array<{ id: number; code: string; message: string }>;
};

export type Decision = DecisionRequest['decision'];

/**
 * POST /tickets/:id/decision answers the ticket and what was done: applied at once (200), or, where a second person
 * must confirm, a proposal that changed nothing yet (202, `pending`).
 */
export type DecidedTicket = Ticket & {
  outcome: { decision: Decision; pending?: boolean };
};
