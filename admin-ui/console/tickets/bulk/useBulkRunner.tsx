import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRefresh } from 'react-admin';
import type { BulkTargets, HelpdeskDataProvider } from '../../dataProvider';
import type { BulkOutcome, Ticket } from '../../types';
import { BulkOutcomeAlert } from './BulkOutcomeAlert';

/**
 * Runs one bulk request for the selected tickets and reports it. Tickets that failed stay selected,
 * so the agent can look at them or try something else.
 */
export const useBulkRunner = () => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  const { selectedIds, data = [], onSelect } = useListContext<Ticket>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [running, setRunning] = useState(false);

  const referenceOf = (id: number) => data.find((ticket) => ticket.id === id)?.reference ?? `#${id}`;

  const run = async (action: (provider: HelpdeskDataProvider, targets: BulkTargets) => Promise<BulkOutcome>) => {
    setRunning(true);
    try {
      const versions = Object.fromEntries(
        data.filter((ticket) => selectedIds.includes(ticket.id)).map((ticket) => [String(ticket.id), ticket.version]),
      );
      const outcome = await action(dataProvider, { ids: selectedIds.map(Number), versions });
      notify(<BulkOutcomeAlert outcome={outcome} referenceOf={referenceOf} />, {
        autoHideDuration: outcome.failed.length > 0 ? null : 5000,
      });
      onSelect(outcome.failed.map((failure) => failure.id));
      refresh();
      return true;
    } catch (error) {
      notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
      return false;
    } finally {
      setRunning(false);
    }
  };

  return { run, running, count: selectedIds.length };
};
