import { useEffect, useRef, useState } from 'react';
import { useDataProvider, useRefresh } from 'react-admin';
import type { HelpdeskDataProvider } from '../dataProvider';
import { useLive } from './LiveProvider';
import { isNewerThan, type TicketChange } from './liveModel';

/**
 * Keeps an open ticket current: when the stream reports a version this page has not shown, the page refetches
 * (react-admin keeps the components mounted, so a reply being typed stays). Returns the last change made by
 * someone else, for a short notice.
 */
export const useLiveTicket = (ticketId: number | undefined, version: number | undefined) => {
  const { onChange, me } = useLive();
  const refresh = useRefresh();
  const [change, setChange] = useState<TicketChange | null>(null);
  const shown = useRef(version);
  shown.current = version;
  useEffect(() => {
    if (ticketId === undefined) return;
    return onChange((next) => {
      if (!isNewerThan(next, ticketId, shown.current)) return;
      refresh();
      // My own action has refreshed the page already, or will: no notice about myself.
      if (!(next.actorType === 'agent' && next.agentId === me)) setChange(next);
    });
  }, [ticketId, onChange, refresh, me]);
  return { change, dismiss: () => setChange(null) };
};

/** Marks the ticket read for me when I open it and whenever the customer acts while it is open; the bell follows. */
export const useMarkRead = (ticketId: number | undefined, customerActivityAt: string | null | undefined) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const { enabled, refreshBell } = useLive();
  useEffect(() => {
    if (!enabled || ticketId === undefined) return;
    dataProvider.markRead(ticketId).then(refreshBell, () => undefined);
  }, [enabled, ticketId, customerActivityAt, dataProvider, refreshBell]);
};
