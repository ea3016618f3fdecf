import { useCreatePath, useDataProvider, useNavigate, useNotify, type Identifier } from 'react-admin';
import { DEFAULT_TICKET_SORT, OPEN_STATUSES, TICKETS_PER_PAGE } from '../tickets/ticketModel';
import { loadQueue, neighbourId, queueHolds, saveQueue, widerRead, withWiderRead, type QueueSnapshot, type Step } from './queueModel';

/** Opened from a link, not from the list: the desk's default view is the queue. */
const defaultQueue = (): QueueSnapshot => ({
  filter: { status: [...OPEN_STATUSES] },
  sort: DEFAULT_TICKET_SORT,
  perPage: TICKETS_PER_PAGE,
  page: 0,
  ids: [],
  hasMore: true,
});

/** The ticket before or after this one in the queue the agent came from, reading further pages when needed. */
export const findNeighbour = async (
  getList: (params: ReturnType<typeof widerRead>) => Promise<{ data: { id: Identifier }[]; total?: number }>,
  current: Identifier,
  step: Step,
): Promise<Identifier | undefined> => {
  let queue = loadQueue() ?? defaultQueue();
  let found = neighbourId(queue.ids, current, step);
  if (found === undefined && step === 1 && queue.hasMore) {
    const { data, total } = await getList(widerRead(queue));
    queue = withWiderRead(
      queue,
      data.map((ticket) => ticket.id),
      total,
    );
    saveQueue(queue);
    found = neighbourId(queue.ids, current, step);
  }
  return found;
};

/** Moves through the queue from the ticket page: j/k, and "next ticket" after a decision. */
export const useTicketQueue = (current: Identifier | undefined) => {
  const dataProvider = useDataProvider();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const notify = useNotify();

  const go = async (step: Step): Promise<boolean> => {
    if (current === undefined) return false;
    try {
      const id = await findNeighbour((params) => dataProvider.getList('tickets', params), current, step);
      if (id === undefined) {
        notify(step === 1 ? 'app.keyboard.queueEnd' : 'app.keyboard.queueStart', { type: 'info' });
        return false;
      }
      navigate(createPath({ resource: 'tickets', id, type: 'show' }));
      return true;
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
      return false;
    }
  };

  return {
    next: () => go(1),
    previous: () => go(-1),
    /** Whether this ticket was opened from the list, so that a decision moves on to the next one. */
    cameFromQueue: () => current !== undefined && queueHolds(loadQueue(), current),
  };
};
