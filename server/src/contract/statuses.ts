// The status machine, shared as data by the server, the console and the tests (pure TypeScript, no server imports).

export const ticketStatuses = [
  'new',
  'triage',
  'in_review',
  'awaiting_customer',
  'approval_pending',
  'approved',
  'rejected',
  'closed',
  'withdrawn',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const openStatuses: readonly TicketStatus[] = ['new', 'triage', 'in_review', 'awaiting_customer', 'approval_pending'];

/**
 * Statuses from which the customer may withdraw the appeal (seed 002 "审核期间您可以撤销申请"): every one not yet
 * decided, a pending approval included (its proposal is dropped).
 */
export const withdrawableStatuses: readonly TicketStatus[] = openStatuses;

/** Statuses in which the customer may still send files: an approval waiting for its second person is frozen too. */
export const acceptingFilesStatuses: readonly TicketStatus[] = ['new', 'triage', 'in_review', 'awaiting_customer'];

/**
 * Reached only through the decision route and its confirmation (docs/decisions.md): a plain transition, an edit or a
 * bulk move to one of these, or away from a pending approval, is refused.
 */
export const decisionStatuses: readonly TicketStatus[] = ['approval_pending', 'approved', 'rejected'];

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

/** A material slot's state: no file yet, or its current file's worst finding. */
export const slotStates = ['missing', 'ok', 'warn', 'fail'] as const;

/** An agent's verdict on a file. */
export const verdicts = ['accepted', 'rejected'] as const;

/**
 * The one transition table (docs/architecture.md): new → triage → in_review ⇄ awaiting_customer → approved | rejected → closed,
 * and in_review → approval_pending → approved (or back to in_review) where the catalog asks for a second person.
 */
export const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['triage', 'in_review', 'withdrawn'],
  triage: ['in_review', 'awaiting_customer', 'withdrawn'],
  in_review: ['awaiting_customer', 'approval_pending', 'approved', 'rejected', 'triage', 'withdrawn'],
  awaiting_customer: ['in_review', 'withdrawn'],
  approval_pending: ['approved', 'in_review', 'withdrawn'],
  approved: ['closed'],
  rejected: ['closed'],
  withdrawn: ['closed'],
  closed: [],
};

export const canTransition = (from: string, to: string): boolean => (transitions[from as TicketStatus] ?? []).includes(to as TicketStatus);

export const isOpen = (status: string) => openStatuses.includes(status as TicketStatus);

export const acceptsFiles = (status: string) => acceptingFilesStatuses.includes(status as TicketStatus);

export const mayWithdraw = (status: string) => withdrawableStatuses.includes(status as TicketStatus);

/** What the customer is shown: a pending approval is, to them, still under review. */
export const customerStatus = (status: string): string => (status === 'approval_pending' ? 'in_review' : status);

/** Whether a plain transition (not a decision) may make this move. */
export const isPlainMove = (from: string, to: string): boolean =>
  canTransition(from, to) && !decisionStatuses.includes(to as TicketStatus) && from !== 'approval_pending';

/** The shortest way along the table from `new` to `status` (excluding `new`). */
export function pathTo(status: string, from: TicketStatus = 'new'): TicketStatus[] {
  const queue: TicketStatus[][] = [[from]];
  const seen = new Set<TicketStatus>([from]);
  while (queue.length) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === status) return path.slice(1);
    for (const next of transitions[last]) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  throw new Error(`No way from ${from} to ${status}`);
}
