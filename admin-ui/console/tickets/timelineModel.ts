import type { Notification, TicketEvent, TicketMessage } from '../types';

export type TimelineEntry =
  | { kind: 'event'; key: string; at: string; event: TicketEvent }
  | { kind: 'message'; key: string; at: string; message: TicketMessage }
  | { kind: 'notification'; key: string; at: string; notification: Notification };

const messageIdOf = (event: TicketEvent): unknown => event.data?.messageId;

/**
 * Events, messages and the notices sent to the customer in one chronological list. A "message.added" event
 * whose message is shown is dropped, so the message is not told twice.
 */
export const mergeTimeline = (events: TicketEvent[], messages: TicketMessage[], notifications: Notification[] = []): TimelineEntry[] => {
  const shownMessages = new Set(messages.map((message) => message.id));
  const entries: TimelineEntry[] = [
    ...events
      .filter((event) => !(event.type === 'message.added' && shownMessages.has(messageIdOf(event) as number)))
      .map((event) => ({ kind: 'event' as const, key: `event-${event.id}`, at: event.createdAt, event })),
    ...messages.map((message) => ({
      kind: 'message' as const,
      key: `message-${message.id}`,
      at: message.createdAt,
      message,
    })),
    ...notifications.map((notification) => ({
      kind: 'notification' as const,
      key: `notification-${notification.id}`,
      at: notification.createdAt,
      notification,
    })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};

/** The agent a "ticket.assigned" event handed the ticket to (null: unassigned). */
export const assigneeOf = (event: TicketEvent): number | null => {
  const to = event.data?.to;
  return typeof to === 'number' ? to : null;
};

const decisionOf = (event: TicketEvent): string | undefined => {
  const decision = event.data?.decision;
  return typeof decision === 'string' ? decision : undefined;
};

const verdictOf = (event: TicketEvent): string | undefined => {
  const verdict = event.data?.verdict;
  return typeof verdict === 'string' ? verdict : undefined;
};

/**
 * The i18n key under app.timeline.events: unassigning reads differently from assigning, a decision and a
 * verdict by what was decided.
 */
export const phraseKeyOf = (event: TicketEvent): string => {
  if (event.type === 'ticket.assigned' && assigneeOf(event) === null) return 'ticket.unassigned';
  if (event.type === 'ticket.decided' && decisionOf(event)) return `ticket.decided_${decisionOf(event)}`;
  if (event.type === 'evidence.reviewed' && verdictOf(event)) return `evidence.reviewed_${verdictOf(event)}`;
  return event.type;
};

/** The agents a timeline mentions, so their names can be fetched in one request. */
export const agentIdsOf = (entries: TimelineEntry[]): number[] => [
  ...new Set(
    entries
      .flatMap((entry) =>
        entry.kind === 'event'
          ? [entry.event.agentId, entry.event.type === 'ticket.assigned' ? assigneeOf(entry.event) : null]
          : entry.kind === 'message'
            ? [entry.message.agentId]
            : [],
      )
      .filter((id): id is number => id != null),
  ),
];

export const slotKeyOf = (event: TicketEvent): string | undefined => {
  const slotKey = event.data?.slotKey;
  return typeof slotKey === 'string' ? slotKey : undefined;
};

const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** The slots an event is about: asked for, uploaded, or the one slot a review names. */
export const slotKeysOf = (event: TicketEvent): string[] => {
  if (event.type === 'materials.requested') return stringsIn(event.data?.slots);
  if (event.type === 'evidence.added') {
    const files = Array.isArray(event.data?.files) ? (event.data.files as Array<{ slot?: unknown }>) : [];
    return files.map((file) => file.slot).filter((slot): slot is string => typeof slot === 'string');
  }
  const single = slotKeyOf(event);
  return single ? [single] : [];
};

export const evidenceIdOf = (event: TicketEvent): number | undefined => {
  const id = event.data?.evidenceId;
  return typeof id === 'number' ? id : undefined;
};

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An "account.changed" event's fields, before and after (the server records only those it touched). A setting
 * group such as `protection` is opened up, so only its changed keys show (`protection.mfaType`).
 */
export const accountChangesOf = (event: TicketEvent): { uin: string | undefined; changes: FieldChange[] } => {
  const before = (event.data?.before ?? {}) as Record<string, unknown>;
  const after = (event.data?.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const uin = event.data?.uin;
  const changes = fields.flatMap((field) => {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (!isPlainObject(was) || !isPlainObject(now)) return [{ field, before: was, after: now }];
    return [...new Set([...Object.keys(was), ...Object.keys(now)])]
      .filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]))
      .map((key) => ({ field: `${field}.${key}`, before: was[key] ?? null, after: now[key] ?? null }));
  });
  return { uin: typeof uin === 'string' ? uin : undefined, changes };
};

/** A changed value as text: nothing is a dash, lists of records (login methods) read as their values. */
export const formatChangedValue = (value: unknown, yesNo: (value: boolean) => string = String): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) {
    return value.length === 0
      ? '—'
      : value
          .map((item) =>
            isPlainObject(item)
              ? Object.values(item)
                  .filter((part) => typeof part === 'string')
                  .join(' ')
              : String(item),
          )
          .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const REPEATABLE = new Set(['evidence.viewed', 'evidence.downloaded']);

const repeatKey = (entry: TimelineEntry): string | null =>
  entry.kind === 'event' && REPEATABLE.has(entry.event.type)
    ? `${entry.event.type}/${entry.event.agentId}/${evidenceIdOf(entry.event)}`
    : null;

/** Every preview shown is audited; back-to-back views of one file by one agent read as one line with a count. */
export const collapseRepeats = (entries: TimelineEntry[]): Array<{ entry: TimelineEntry; count: number }> =>
  entries.reduce<Array<{ entry: TimelineEntry; count: number }>>((rows, entry) => {
    const last = rows.at(-1);
    const key = repeatKey(entry);
    if (last && key !== null && repeatKey(last.entry) === key) last.count += 1;
    else rows.push({ entry, count: 1 });
    return rows;
  }, []);

/** The desk's own transition reasons, as codes (and as the English words older events kept). */
const systemReasons: Record<string, 'customer_sent_materials' | 'materials_requested'> = {
  customer_sent_materials: 'customer_sent_materials',
  materials_requested: 'materials_requested',
  'customer sent materials': 'customer_sent_materials',
  'materials requested': 'materials_requested',
};
export const systemReasonKey = (reason: string) => systemReasons[reason];

/** The blocker codes of an override reason (`override:a,b`, or older events' `override: a, b` and bare `override`); null otherwise. */
export const overriddenBlockers = (reason: string): string[] | null => {
  const found = /^override(?::\s*(.*))?$/.exec(reason);
  if (!found) return null;
  return (found[1] ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
};
