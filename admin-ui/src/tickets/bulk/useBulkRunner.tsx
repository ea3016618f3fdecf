import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { HelpdeskDataProvider } from '../../dataProvider';
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

  const referenceOf = (id: number) => data.find(ticket => ticket.id === id)?.reference ?? `#${id}`;

  const run = async (action: (provider: HelpdeskDataProvider, ids: Identifier[]) => Promise<BulkOutcome>) => {
    setRunning(true);
    try {
      const outcome = await action(dataProvider, selectedIds);
      notify(<BulkOutcomeAlert outcome={outcome} referenceOf={referenceOf} />, {
        autoHideDuration: outcome.failed.length > 0 ? null : 5000,
      });
      onSelect(outcome.failed.map(failure => failure.id));
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
