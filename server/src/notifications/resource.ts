import type { AppContext } from '../context';
import type { Notification, Prisma } from '../generated/prisma/client';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { withoutLinkTokens } from './customerNotices';
import { knownByTicket, maskField, maskFreeText, type Known } from '../privacy/presenter';

// Bodies greet the customer by name and quote the agent's words: they leave masked like any free text.
const present = (n: Notification, known: Known = []) => ({
  id: n.id,
  ticketId: n.ticketId,
  channel: n.channel,
  recipient: maskField('recipient', n.recipient),
  subject: maskFreeText(n.subject, known),
  // A one-time code or a status link's token read off the outbox would let an insider act as the owner or customer.
  body: n.secret ? '[redacted: one-time code]' : maskFreeText(withoutLinkTokens(n.body), known),
  status: n.status,
  attempts: n.attempts,
  nextAttemptAt: n.nextAttemptAt,
  sentAt: n.sentAt,
  lastError: n.lastError,
  createdAt: n.createdAt,
});

export const spec = listSpec(lists.notifications, {});

// The outbox is written by the workflow and drained by the worker.
export function notificationRoutes({ db }: AppContext) {
  const presentAll = async (rows: Notification[]) => {
    const known = await knownByTicket(
      db,
      rows.map((n) => n.ticketId),
    );
    return rows.map((n) => present(n, (n.ticketId !== null && known.get(n.ticketId)) || []));
  };
  return restRouter({
    name: 'notifications',
    label: 'Notification',
    spec,
    read: 'notifications.read',
    async list(q) {
      const found = await page(
        q,
        (a: Prisma.NotificationFindManyArgs) => db.notification.findMany(a),
        (a: { where?: Prisma.NotificationWhereInput }) => db.notification.count(a),
        (n) => n,
      );
      return { ...found, rows: await presentAll(found.rows) };
    },
    getOne: async (id) => {
      const n = await db.notification.findUnique({ where: { id } });
      return n ? (await presentAll([n]))[0]! : null;
    },
  });
}
