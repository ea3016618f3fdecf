/** What the live stream (GET /api/live, server/src/live) carries: metadata only, never the customer's data. */

import type { PresenceEntry } from '../../../server/src/contract/presence';

export type { PresenceEntry, PresenceMode, TicketPresence } from '../../../server/src/contract/presence';

/** A ticket whose version moved, with the newest event on it: what happened and who did it. */
export interface TicketChange {
  ticketId: number;
  version: number;
  type: string | null;
  actorType: 'agent' | 'customer' | 'system' | null;
  agentId: number | null;
  assigneeId: number | null;
}

export interface BellItem {
  ticketId: number;
  reference: string;
  kind: string;
  status: string;
  /** The customer's last act, an event type: message.added, evidence.added, … */
  activity: string;
  at: string;
}
export interface Bell {
  count: number;
  capped: boolean;
  items: BellItem[];
}

/** The console's heartbeat on an open ticket; the server forgets an agent after three missed beats. */
export const PRESENCE_BEAT_MS = 10_000;

/** Everyone on the ticket but me, those replying first. */
export const othersOn = (agents: PresenceEntry[] | undefined, me: number | undefined): PresenceEntry[] =>
  (agents ?? []).filter((a) => a.agentId !== me).sort((a, b) => Number(b.mode === 'replying') - Number(a.mode === 'replying'));

/** A change the open page has not shown yet. */
export const isNewerThan = (change: TicketChange, ticketId: number, version: number | undefined) =>
  change.ticketId === ticketId && (version === undefined || change.version > version);

/** A change that can alter my bell: the customer acted on a ticket of mine, or one the bell lists changed hands. */
export const touchesBell = (change: TicketChange, me: number | undefined, listed: BellItem[]) =>
  (change.actorType === 'customer' && change.assigneeId === me) || listed.some((i) => i.ticketId === change.ticketId);

/** The i18n key naming what the customer did; an event type the console does not know reads as "activity". */
export const activityKey = (type: string) =>
  ['message.added', 'evidence.added', 'ticket.transitioned', 'appeal.withdrawn', 'owner.objected'].includes(type)
    ? `app.live.activity.${type.replace('.', '_')}`
    : 'app.live.activity.other';
