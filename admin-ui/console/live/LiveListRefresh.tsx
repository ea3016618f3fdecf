import { useEffect, useRef } from 'react';
import { useListContext, useRefresh } from 'react-admin';
import { useLive } from './LiveProvider';

/** The list refetches when a ticket on its page changes elsewhere (unread markers and statuses stay true). */
export const LiveListRefresh = () => {
  const { onChange } = useLive();
  const { data } = useListContext();
  const refresh = useRefresh();
  const shown = useRef(new Map<number, number>());
  shown.current = new Map((data ?? []).map((r) => [Number(r.id), Number((r as { version?: number }).version ?? 0)]));
  useEffect(
    () =>
      onChange((change) => {
        const version = shown.current.get(change.ticketId);
        if (version !== undefined && change.version > version) refresh();
      }),
    [onChange, refresh],
  );
  return null;
};
