import type { ChipColor } from '../common/choices';
import type { Priority, SlotState, Ticket, TicketStatus } from '../types';

export const TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'triage',
  'in_review',
  'awaiting_customer',
  'approved',
  'rejected',
  'closed',
  'withdrawn',
];

export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export const statusColor: Record<TicketStatus, ChipColor> = {
  new: 'info',
  triage: 'info',
  in_review: 'primary',
  awaiting_customer: 'warning',
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

/** Statuses in which a ticket still waits on the desk or the customer (mirrors the server's list). */
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'triage', 'in_review', 'awaiting_customer'];

export const isOpen = (status: TicketStatus): boolean => OPEN_STATUSES.includes(status);

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

/** Status moves offered as plain buttons; deciding and asking for more have dialogs of their own. */
export const PLAIN_MOVES: Partial<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['triage', 'in_review'],
  triage: ['in_review'],
  in_review: ['triage'],
  awaiting_customer: ['in_review'],
  approved: ['closed'],
  rejected: ['closed'],
  withdrawn: ['closed'],
};

/** Where "move to" offers to go in bulk; waiting on the customer goes through a request for materials instead. */
export const BULK_TARGETS: readonly TicketStatus[] = ['triage', 'in_review', 'withdrawn', 'closed'];

export const canAskForMore = (status: TicketStatus): boolean =>
  status === 'triage' || status === 'in_review' || status === 'awaiting_customer';

export const canDecide = (status: TicketStatus): boolean => status === 'in_review';
