import { useEffect } from 'react';
import { useListContext } from 'react-admin';
import type { Ticket } from '../types';
import { saveQueue } from './queueModel';
import { currentRowLink, moveRowFocus } from './rowFocus';
import { useShortcuts } from './useShortcuts';

/**
 * Inside the ticket list: j/k (or the arrows) move between rows, Enter or o opens one; and the page as shown is kept
 * as the queue the ticket page's "next ticket" walks.
 */
export const TicketListKeyboard = () => {
  const { data, filterValues, sort, page, perPage, total, hasNextPage } = useListContext<Ticket>();
  const ids = (data ?? []).map((ticket) => ticket.id);
  const idsKey = ids.join(',');
  const queryKey = JSON.stringify([filterValues, sort, page, perPage]);

  useEffect(() => {
    if (!data) return;
    const hasMore = hasNextPage ?? (total === undefined ? ids.length === perPage : page * perPage < total);
    saveQueue({ filter: filterValues, sort, perPage, page, ids, hasMore });
    // Saved again only when what the list shows changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey, queryKey]);

  useShortcuts('list', {
    next: () => void moveRowFocus(1),
    previous: () => void moveRowFocus(-1),
    // Enter on a link or button is its own; otherwise Enter or o opens the focused row, or the first.
    open: (event) => {
      if (event.key === 'Enter' && (event.target as Element).closest?.('a, button, [role="button"]')) return false;
      currentRowLink()?.click();
    },
  });
  return null;
};
