import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import { retryUnlessRefused } from '../../common/retryPolicy';
import type { HelpdeskDataProvider } from '../../dataProvider';

/** The declared-vs-on-file comparison and the preconditions; react-admin's refresh reloads it with the ticket. */
export const useTicketReview = (ticketId: Identifier | undefined) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  return useQuery({
    queryKey: ['tickets', 'review', ticketId],
    queryFn: () => dataProvider.getReview(ticketId!),
    enabled: ticketId != null,
    retry: retryUnlessRefused,
  });
};
