import {
  acceptsFiles,
  decisionStatuses,
  isOpen,
  isPlainMove,
  openStatuses,
  priorities,
  ticketStatuses,
  transitions,
} from '../../../server/src/contract/statuses';
import type { ChipColor } from '../common/choices';
import type { Priority, SlotState, Ticket, TicketStatus } from '../types';

// The status machine is the server's (server/src/contract/statuses.ts, pure data): the console only chooses what to offer.

export const TICKET_STATUSES: readonly TicketStatus[] = ticketStatuses;

export const PRIORITIES: readonly Priority[] = priorities;

export const statusColor: Record<TicketStatus, ChipColor> = {
  new: 'info',
  triage: 'info',
  in_review: 'primary',
  awaiting_customer: 'warning',
  approval_pending: 'secondary',
  approved: 'success',
  rejected: 'error',
  closed: 'default',
  withdrawn: 'default',
};

export const priorityColor: Record<Priority, ChipColor> = {
  low: 'default',
  normal: 'default',
  high: 'warning',
  urgent: 'error',
};

export const slotStateColor: Record<SlotState, ChipColor> = {
  missing: 'default',
  ok: 'success',
  warn: 'warning',
  fail: 'error',
};

export const TICKETS_PER_PAGE = 25;
export const DEFAULT_TICKET_SORT = { field: 'slaDueAt', order: 'ASC' } as const;

/** Statuses in which a ticket still waits on the desk, the customer or a second approver. */
export const OPEN_STATUSES: readonly TicketStatus[] = openStatuses;

export { isOpen };

/** Files may be judged while the appeal still takes them; a proposed approval freezes them for its confirmation. */
export const canJudgeFiles = (status: TicketStatus): boolean => acceptsFiles(status);

const DAY_MS = 86_400_000;

export type SlaUrgency = 'overdue' | 'dueSoon' | null;

/** Red once overdue, amber within a day of the due date; a paused or closed clock is neither. */
export const slaUrgency = (
  ticket: Pick<Ticket, 'overdue' | 'slaDueAt' | 'slaPausedAt' | 'status'>,
  now: number = Date.now(),
): SlaUrgency => {
  if (ticket.overdue) return 'overdue';
  if (!isOpen(ticket.status) || ticket.slaPausedAt) return null;
  const due = Date.parse(ticket.slaDueAt);
  return due >= now && due - now < DAY_MS ? 'dueSoon' : null;
};

export const slaUrgencyColor: Record<Exclude<SlaUrgency, null>, string> = {
  overdue: 'error.main',
  dueSoon: 'warning.dark',
};

/** The statuses a plain button moves to; deciding, asking for more and withdrawing have ways of their own. */
const BUTTON_TARGETS: readonly TicketStatus[] = ['triage', 'in_review', 'closed'];

const isDecisionStatus = (status: TicketStatus): boolean => decisionStatuses.includes(status);

/**
 * Status moves offered as plain buttons: the server's plain transitions into triage, review or closed. Decision
 * statuses (approval_pending, approved, rejected) are reached only through the decision dialog and its confirmation.
 */
export const PLAIN_MOVES: Partial<Record<TicketStatus, readonly TicketStatus[]>> = Object.fromEntries(
  ticketStatuses
    .map((from) => [from, transitions[from].filter((to) => BUTTON_TARGETS.includes(to) && isPlainMove(from, to))] as const)
    .filter(([, targets]) => targets.length > 0),
);

/** Where "move to" offers to go in bulk; waiting on the customer goes through a request for materials instead. */
export const BULK_TARGETS: readonly TicketStatus[] = (['triage', 'in_review', 'withdrawn', 'closed'] as const).filter(
  (status) => !isDecisionStatus(status),
);

export const canAskForMore = (status: TicketStatus): boolean =>
  status === 'triage' || status === 'in_review' || status === 'awaiting_customer';

export const canDecide = (status: TicketStatus): boolean => status === 'in_review';

/** A proposed approval waits here for a second supervisor or admin to confirm it or send it back. */
export const awaitsSecondApproval = (status: TicketStatus): boolean => status === 'approval_pending';
