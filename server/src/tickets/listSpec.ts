import { lists } from '../contract/lists';
import { openStatuses } from '../contract/statuses';
import type { Prisma } from '../generated/prisma/client';
import { listSpec } from '../http/listQuery';

const overdueWhere = (now: Date): Prisma.TicketWhereInput => ({
  status: { in: [...openStatuses] },
  slaPausedAt: null,
  slaDueAt: { lt: now },
});

export const ticketListSpec = listSpec(lists.tickets, {
  search: (q) => ({ searchText: { contains: q.toLowerCase() } }),
  computed: {
    overdue: (overdue) => (overdue ? overdueWhere(new Date()) : { NOT: overdueWhere(new Date()) }),
  },
});
