import type { AppContext } from '../context';
import type { Event, Prisma } from '../generated/prisma/client';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { knownByTicket, maskFreeText, presentPersonal, type Known } from '../privacy/presenter';

// account.changed keeps the exact before and after, ticket.updated the contact it changed: both leave masked.
const present = (e: Event, known: Known = []) => ({
  id: e.id,
  ticketId: e.ticketId,
  actorType: e.actorType,
  agentId: e.agentId,
  type: e.type,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  reason: e.reason === null ? null : maskFreeText(e.reason, known),
  data: presentPersonal(e.data, known),
  createdAt: e.createdAt,
});

async function presentAll(db: AppContext['db'], events: Event[]) {
  const known = await knownByTicket(
    db,
    events.map((e) => e.ticketId),
  );
  return events.map((e) => present(e, (e.ticketId !== null && known.get(e.ticketId)) || []));
}

export const spec = listSpec(lists.events, {});

// The audit timeline is written by the server alone.
export function eventRoutes({ db }: AppContext) {
  return restRouter({
    name: 'events',
    label: 'Event',
    spec,
    read: 'events.read',
    async list(q) {
      const found = await page(
        q,
        (a: Prisma.EventFindManyArgs) => db.event.findMany(a),
        (a: { where?: Prisma.EventWhereInput }) => db.event.count(a),
        (e) => e,
      );
      return { ...found, rows: await presentAll(db, found.rows) };
    },
    getOne: async (id) => {
      const e = await db.event.findUnique({ where: { id } });
      return e ? (await presentAll(db, [e]))[0]! : null;
    },
  });
}
