import type { AppContext } from '../context';
import type { Event, Prisma } from '../generated/prisma/client';
import type { ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';

const present = (e: Event) => ({
  id: e.id,
  ticketId: e.ticketId,
  actorType: e.actorType,
  agentId: e.agentId,
  type: e.type,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: e.reason,
  data: e.data,
  createdAt: e.createdAt,
});

const spec: ListSpec = {
  filters: { id: 'int', ticketId: 'nullableInt', agentId: 'nullableInt', type: 'string', actorType: 'string', createdAt: 'date' },
  sortable: ['id', 'createdAt', 'type'],
  defaultSort: ['createdAt', 'DESC'],
};

// The audit timeline is written by the server alone.
export function eventRoutes({ db }: AppContext) {
  return restRouter({
    name: 'events',
    label: 'Event',
    spec,
    read: 'events.read',
    list: (q) => page(q, (a: Prisma.EventFindManyArgs) => db.event.findMany(a), (a: { where?: Prisma.EventWhereInput }) => db.event.count(a), present),
    getOne: async (id) => {
      const e = await db.event.findUnique({ where: { id } });
      return e ? present(e) : null;
    },
  });
}
