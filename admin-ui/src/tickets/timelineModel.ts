import type { TicketEvent, TicketMessage } from '../types';

export type TimelineEntry =
  | { kind: 'event'; key: string; at: string; event: TicketEvent }
  | { kind: 'message'; key: string; at: string; message: TicketMessage };

const messageIdOf = (event: TicketEvent): unknown => event.data?.messageId;

/**
 * Events and messages in one chronological list. A "message.added" event whose message is shown
 * is dropped, so the message is not told twice.
 */
export const mergeTimeline = (events: TicketEvent[], messages: TicketMessage[]): TimelineEntry[] => {
  const shownMessages = new Set(messages.map(message => message.id));
  const entries: TimelineEntry[] = [
    ...events
      .filter(event => !(event.type === 'message.added' && shownMessages.has(messageIdOf(event) as number)))
      .map(event => ({ kind: 'event' as const, key: `event-${event.id}`, at: event.createdAt, event })),
    ...messages.map(message => ({
      kind: 'message' as const,
      key: `message-${message.id}`,
      at: message.createdAt,
      message,
    })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};

/** The agent a "ticket.assigned" event handed the ticket to (null: unassigned). */
export const assigneeOf = (event: TicketEvent): number | null => {
  const to = event.data?.to;
  return typeof to === 'number' ? to : null;
};

/** The i18n key under app.timeline.events; unassigning reads differently from assigning. */
export const phraseKeyOf = (event: TicketEvent): string =>
  event.type === 'ticket.assigned' && assigneeOf(event) === null ? 'ticket.unassigned' : event.type;

/** The agents a timeline mentions, so their names can be fetched in one request. */
export const agentIdsOf = (entries: TimelineEntry[]): number[] => [
  ...new Set(
    entries
      .flatMap(entry =>
        entry.kind === 'event'
          ? [entry.event.agentId, entry.event.type === 'ticket.assigned' ? assigneeOf(entry.event) : null]
          : [entry.message.agentId],
      )
      .filter((id): id is number => id != null),
  ),
];

export const slotKeyOf = (event: TicketEvent): string | undefined => {
  const slotKey = event.data?.slotKey;
  return typeof slotKey === 'string' ? slotKey : undefined;
};
