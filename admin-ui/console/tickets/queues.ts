import type { Identifier } from 'react-admin';
import { NULL_FILTER_VALUE } from '../dataProvider';
import { OPEN_STATUSES } from './ticketModel';

export type QueueKey = 'mine' | 'unassigned' | 'overdue' | 'awaiting' | 'approval' | 'all';

export const QUEUES: readonly QueueKey[] = ['mine', 'unassigned', 'overdue', 'awaiting', 'approval'];

/** Queues shown only to some roles: approvals waiting for a second person are for supervisors and admins to confirm. */
const QUEUE_ROLES: Partial<Record<QueueKey, readonly string[]>> = { approval: ['supervisor', 'admin'] };

export const queueVisibleTo = (queue: QueueKey, role: string | undefined): boolean => {
  const roles = QUEUE_ROLES[queue];
  return !roles || (role !== undefined && roles.includes(role));
};

type Filter = Record<string, unknown>;

/** Each queue is a preset filter of the ticket list; "mine" needs to know who is signed in; "all" is the default view, open tickets. */
export const queueFilter = (queue: QueueKey, me: Identifier | undefined): Filter => {
  switch (queue) {
    case 'mine':
      return { assigneeId: me, status: [...OPEN_STATUSES] };
    case 'unassigned':
      return { assigneeId: NULL_FILTER_VALUE, status: [...OPEN_STATUSES] };
    case 'overdue':
      return { overdue: true };
    case 'awaiting':
      return { status: ['awaiting_customer'] };
    case 'approval':
      return { status: ['approval_pending'] };
    case 'all':
      return { status: [...OPEN_STATUSES] };
  }
};

/** The list's own URL parameters, so the filter form shows the preset and the agent can refine it. */
export const queueSearch = (filter: Filter): string => `?${new URLSearchParams({ filter: JSON.stringify(filter), page: '1' }).toString()}`;

/** The ticket list with this filter (the dashboard's figures open it). */
export const ticketListLink = (filter: Filter): string => `/tickets${queueSearch(filter)}`;

const canonical = (filter: Filter): string =>
  JSON.stringify(
    Object.keys(filter)
      .sort()
      .map((key) => [key, filter[key]]),
  );

/** The filter the location carries, if any (an unreadable one counts as none). */
export const filterInSearch = (search: string): Filter | undefined => {
  const raw = new URLSearchParams(search).get('filter');
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Filter) : undefined;
  } catch {
    return undefined;
  }
};

export const sameFilter = (a: Filter | undefined, b: Filter): boolean => a !== undefined && canonical(a) === canonical(b);
