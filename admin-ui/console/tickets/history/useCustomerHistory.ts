import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import { retryUnlessRefused } from '../../common/retryPolicy';
import type { HelpdeskDataProvider } from '../../dataProvider';

/** The same customer's other appeals, newest first (at most 20); react-admin's refresh reloads them with the ticket. */
export const useCustomerHistory = (ticketId: Identifier | undefined) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  return useQuery({
    queryKey: ['tickets', 'history', ticketId],
    queryFn: () => dataProvider.getHistory(ticketId!),
    enabled: ticketId != null,
    retry: retryUnlessRefused,
  });
};
