import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DataProviderContext, useDataProvider, useGetIdentity } from 'react-admin';
import type { HelpdeskDataProvider } from '../dataProvider';
import { touchesBell, type Bell, type PresenceEntry, type TicketChange, type TicketPresence } from './liveModel';

type ChangeListener = (change: TicketChange) => void;

export interface LiveState {
  /** False outside the console's layout (a page rendered on its own): nothing is sent, nothing arrives. */
  enabled: boolean;
  me: number | undefined;
  presence: ReadonlyMap<number, PresenceEntry[]>;
  /** Called for every changed ticket the stream reports; returns the unsubscribe. */
  onChange: (listener: ChangeListener) => () => void;
  bell: Bell | undefined;
  refreshBell: () => void;
  /** Tickets whose reply composer holds text on this page: their heartbeat says "replying". */
  replyingOn: ReadonlySet<number>;
  setReplying: (ticketId: number, replying: boolean) => void;
}

const inert: LiveState = {
  enabled: false,
  me: undefined,
  presence: new Map(),
  onChange: () => () => undefined,
  bell: undefined,
  refreshBell: () => undefined,
  replyingOn: new Set(),
  setReplying: () => undefined,
};

const LiveContext = createContext<LiveState>(inert);

export const useLive = () => useContext(LiveContext);

export const BELL_QUERY_KEY = ['live', 'bell'];

/**
 * One EventSource for the whole console (GET /api/live): presence of every open ticket, and every changed ticket,
 * handed to the pages that show it. The browser reconnects by itself; each greeting brings the presence afresh.
 */
export const LiveProvider = ({ children }: { children: ReactNode }) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  // The provider given to <Admin>, not the proxy: liveUrl is synchronous.
  const liveUrl = (useContext(DataProviderContext) as HelpdeskDataProvider).liveUrl;
  const { identity } = useGetIdentity();
  const me = identity?.id === undefined ? undefined : Number(identity.id);
  const queryClient = useQueryClient();
  const [presence, setPresence] = useState<ReadonlyMap<number, PresenceEntry[]>>(new Map());
  const [replyingOn, setReplyingOn] = useState<ReadonlySet<number>>(new Set());
  const listeners = useRef(new Set<ChangeListener>());

  const { data: bell } = useQuery({ queryKey: BELL_QUERY_KEY, queryFn: () => dataProvider.getBell(), enabled: me !== undefined });
  const bellItems = useRef(bell?.items ?? []);
  bellItems.current = bell?.items ?? [];
  const refreshBell = useCallback(() => void queryClient.invalidateQueries({ queryKey: BELL_QUERY_KEY }), [queryClient]);

  useEffect(() => {
    if (me === undefined || typeof EventSource === 'undefined') return;
    const source = new EventSource(liveUrl(), { withCredentials: true });
    source.addEventListener('hello', (event: MessageEvent<string>) => {
      const { presence: all } = JSON.parse(event.data) as { presence: TicketPresence[] };
      setPresence(new Map(all.map((p) => [p.ticketId, p.agents])));
      refreshBell();
    });
    source.addEventListener('presence', (event: MessageEvent<string>) => {
      const { ticketId, agents } = JSON.parse(event.data) as TicketPresence;
      setPresence((previous) => {
        const next = new Map(previous);
        if (agents.length) next.set(ticketId, agents);
        else next.delete(ticketId);
        return next;
      });
    });
    source.addEventListener('ticket', (event: MessageEvent<string>) => {
      const change = JSON.parse(event.data) as TicketChange;
      if (touchesBell(change, me, bellItems.current)) refreshBell();
      listeners.current.forEach((listener) => listener(change));
    });
    return () => source.close();
  }, [me, liveUrl, refreshBell]);

  const onChange = useCallback((listener: ChangeListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const setReplying = useCallback((ticketId: number, replying: boolean) => {
    setReplyingOn((previous) => {
      if (previous.has(ticketId) === replying) return previous;
      const next = new Set(previous);
      if (replying) next.add(ticketId);
      else next.delete(ticketId);
      return next;
    });
  }, []);

  const value = useMemo<LiveState>(
    () => ({ enabled: true, me, presence, onChange, bell, refreshBell, replyingOn, setReplying }),
    [me, presence, onChange, bell, refreshBell, replyingOn, setReplying],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
};
