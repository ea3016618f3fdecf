import type { ChipColor } from '../common/choices';
import type { Priority, SlotState, TicketStatus } from '../types';

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
