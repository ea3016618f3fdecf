import type { Identifier, SortPayload } from 'react-admin';

/** The ticket list as the agent last saw it: its query, and the ids of the page in the order shown. */
export interface QueueSnapshot {
  filter: Record<string, unknown>;
  sort: SortPayload;
  perPage: number;
  page: number;
  ids: Identifier[];
  /** Whether the server has pages beyond `page`. */
  hasMore: boolean;
}

// Per browser tab: two tabs may work two queues.
const STORAGE_KEY = 'helpdesk.ticketQueue';

export const saveQueue = (queue: QueueSnapshot, storage: Storage = sessionStorage): void => {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(queue));
  } catch {
    // A full or refused storage only loses "next ticket", never the page.
  }
};

export const loadQueue = (storage: Storage = sessionStorage): QueueSnapshot | null => {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as QueueSnapshot) : null;
    return parsed && Array.isArray(parsed.ids) ? parsed : null;
  } catch {
    return null;
  }
};

const sameId = (a: Identifier, b: Identifier) => String(a) === String(b);

export const queueHolds = (queue: QueueSnapshot | null, id: Identifier): boolean =>
  queue !== null && queue.ids.some((entry) => sameId(entry, id));

export type Step = 1 | -1;

/**
 * The ticket after (or before) `current` in the ids as listed, or undefined at either end. A ticket that is not in
 * the list (opened from a link) is followed by the list's first ticket and preceded by nothing.
 */
export const neighbourId = (ids: readonly Identifier[], current: Identifier, step: Step): Identifier | undefined => {
  const index = ids.findIndex((id) => sameId(id, current));
  if (index === -1) return step === 1 ? ids[0] : undefined;
  return ids[index + step];
};

/**
 * How to read past the end of the snapshot: the query's first pages up to one beyond the last read, in one request.
 * Re-reading from the top keeps a ticket that moved up (because a decided one left the queue) from being skipped.
 */
export const widerRead = (queue: QueueSnapshot) => ({
  pagination: { page: 1, perPage: Math.min((queue.page + 1) * queue.perPage, MAX_READ) },
  sort: queue.sort,
  filter: queue.filter,
});

// The API's largest page (server/src/http/listQuery.ts maxPageSize).
const MAX_READ = 500;

/** The snapshot after a wider read: tickets not seen yet follow the ones already listed, in the order read. */
export const withWiderRead = (queue: QueueSnapshot, ids: readonly Identifier[], total: number | undefined): QueueSnapshot => {
  const fresh = ids.filter((id) => !queue.ids.some((seen) => sameId(seen, id)));
  const hasMore = total === undefined ? ids.length === widerRead(queue).pagination.perPage : ids.length < total;
  return { ...queue, page: queue.page + 1, ids: [...queue.ids, ...fresh], hasMore: hasMore && ids.length < MAX_READ };
};
