import { useEffect } from 'react';
import { useDataProvider } from 'react-admin';
import type { HelpdeskDataProvider } from '../dataProvider';
import { useLive } from './LiveProvider';
import { othersOn, PRESENCE_BEAT_MS, type PresenceEntry } from './liveModel';

/** The other agents who have this ticket open now, those replying first. */
export const useTicketPresence = (ticketId: number | undefined): PresenceEntry[] => {
  const { presence, me } = useLive();
  return ticketId === undefined ? [] : othersOn(presence.get(ticketId), me);
};

/**
 * Tells the desk this agent has the ticket open, every ten seconds and at once when they start or stop typing a
 * reply; says goodbye on leaving the page. Nothing outside the console's layout.
 */
export const usePresenceHeartbeat = (ticketId: number | undefined) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const { enabled, replyingOn } = useLive();
  const mode = ticketId !== undefined && replyingOn.has(ticketId) ? 'replying' : 'viewing';
  useEffect(() => {
    if (!enabled || ticketId === undefined) return;
    // A missed beat is no error the agent needs to see: the next one follows.
    const beat = () => void dataProvider.beatPresence(ticketId, mode).catch(() => undefined);
    beat();
    const timer = setInterval(beat, PRESENCE_BEAT_MS);
    return () => clearInterval(timer);
  }, [enabled, ticketId, mode, dataProvider]);
  useEffect(() => {
    if (!enabled || ticketId === undefined) return;
    const leave = () => void dataProvider.leavePresence(ticketId).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [enabled, ticketId, dataProvider]);
};

/** The reply composer holds text: this agent's heartbeat on the ticket says "replying". */
export const useReplyingSignal = (ticketId: number | undefined, replying: boolean) => {
  const { setReplying } = useLive();
  useEffect(() => {
    if (ticketId === undefined) return;
    setReplying(ticketId, replying);
  }, [ticketId, replying, setReplying]);
  useEffect(() => {
    if (ticketId === undefined) return;
    return () => setReplying(ticketId, false);
  }, [ticketId, setReplying]);
};
