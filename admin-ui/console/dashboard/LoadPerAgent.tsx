import { useGetMany, useTranslate } from 'react-admin';
import type { Agent, Overview } from '../types';
import { CountBars } from './CountBars';

/** Open tickets per assignee, named from the agents resource; unassigned tickets count as their own row. */
export const LoadPerAgent = ({ load }: { load: Overview['loadPerAgent'] }) => {
  const translate = useTranslate();
  const ids = load.map((row) => row.agentId).filter((id): id is number => id != null);
  const { data: agents } = useGetMany<Agent>('agents', { ids }, { enabled: ids.length > 0 });
  const rows = load.map((row) => ({
    key: String(row.agentId ?? 'none'),
    label:
      row.agentId == null
        ? translate('app.ticket.unassigned')
        : (agents?.find((agent) => agent.id === row.agentId)?.name ?? translate('app.timeline.actor.agent', { id: row.agentId })),
    count: row.open,
  }));
  return <CountBars title={translate('app.dashboard.loadPerAgent')} rows={rows} />;
};
