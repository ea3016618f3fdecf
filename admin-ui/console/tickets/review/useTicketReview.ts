import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import { retryUnlessRefused } from '../../common/retryPolicy';
import type { HelpdeskDataProvider } from '../../dataProvider';

interface ReviewOptions {
  /** Load it again when this component mounts (a dialog that states what a decision will do wants it current). */
  fresh?: boolean;
}

/**
 * The declared-vs-on-file comparison, the preconditions and the decision preview (effect, blockers, who may decide,
 * a pending proposal); react-admin's refresh reloads it with the ticket.
 */
export const useTicketReview = (ticketId: Identifier | undefined, { fresh = false }: ReviewOptions = {}) => {
  const dataProvider = useDataProvider<HelpdeskDataProvider>();
  return useQuery({
    queryKey: ['tickets', 'review', ticketId],
    queryFn: () => dataProvider.getReview(ticketId!),
    enabled: ticketId != null,
    retry: retryUnlessRefused,
    ...(fresh ? { refetchOnMount: 'always' as const } : {}),
  });
};
