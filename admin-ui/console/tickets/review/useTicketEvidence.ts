import { useGetList, type Identifier } from 'react-admin';
import type { Evidence } from '../../types';

/** Every file of the ticket, earlier ones included (`current` marks the one each slot uses now). */
export const useTicketEvidence = (ticketId: Identifier | undefined) =>
  useGetList<Evidence>(
    'evidence',
    { pagination: { page: 1, perPage: 500 }, sort: { field: 'createdAt', order: 'ASC' }, filter: { ticketId } },
    { enabled: ticketId != null },
  );
