export const ticketStatuses = ['new', 'triage', 'in_review', 'awaiting_customer', 'approved', 'rejected', 'closed', 'withdrawn'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const openStatuses: readonly TicketStatus[] = ['new', 'triage', 'in_review', 'awaiting_customer'];

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

/** The one transition table (DESIGN.md): new → triage → in_review ⇄ awaiting_customer → approved | rejected → closed. */
export const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['triage', 'in_review', 'withdrawn'],
  triage: ['in_review', 'awaiting_customer', 'withdrawn'],
  in_review: ['awaiting_customer', 'approved', 'rejected', 'triage', 'withdrawn'],
  awaiting_customer: ['in_review', 'withdrawn'],
  approved: ['closed'],
  rejected: ['closed'],
  withdrawn: ['closed'],
  closed: [],
};

export const canTransition = (from: string, to: string): boolean =>
  (transitions[from as TicketStatus] ?? []).includes(to as TicketStatus);

export const isOpen = (status: string) => openStatuses.includes(status as TicketStatus);

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
