import type { Ticket } from '../../types';
import { isOpen, slaUrgency, type SlaUrgency } from '../ticketModel';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SlaLeft =
  { state: 'paused' } | { state: 'left' | 'overdue'; days: number; hours: number; minutes: number; urgency: SlaUrgency } | null;

/** How long until the SLA is due (or since it was), in whole days and hours; minutes only under an hour. None once closed. */
export const slaTimeLeft = (ticket: Pick<Ticket, 'overdue' | 'slaDueAt' | 'slaPausedAt' | 'status'>, now: number = Date.now()): SlaLeft => {
  if (!isOpen(ticket.status)) return null;
  if (ticket.slaPausedAt) return { state: 'paused' };
  const due = Date.parse(ticket.slaDueAt);
  const span = Math.abs(due - now);
  return {
    state: ticket.overdue || due < now ? 'overdue' : 'left',
    days: Math.floor(span / DAY_MS),
    hours: Math.floor((span % DAY_MS) / HOUR_MS),
    minutes: span < HOUR_MS ? Math.max(1, Math.floor(span / 60_000)) : 0,
    urgency: slaUrgency(ticket, now),
  };
};
