import type { AppContext } from '../context';
import type { Notification, Prisma } from '../generated/prisma/client';
import type { ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { maskEmail, maskPhone } from '../privacy/mask';

const present = (n: Notification) => ({
  id: n.id,
  ticketId: n.ticketId,
  channel: n.channel,
  recipient: n.channel === 'email' ? maskEmail(n.recipient) : maskPhone(n.recipient),
  subject: n.subject,
  // A one-time code read off the outbox would let an insider pass the owner's proof of control.
  body: n.secret ? '[redacted: one-time code]' : n.body,
  status: n.status,
  attempts: n.attempts,
  nextAttemptAt: n.nextAttemptAt,
  sentAt: n.sentAt,
  lastError: n.lastError,
  createdAt: n.createdAt,
});

const spec: ListSpec = {
  filters: { id: 'int', ticketId: 'nullableInt', channel: 'string', status: 'string', createdAt: 'date' },
  sortable: ['id', 'createdAt', 'status', 'sentAt'],
  defaultSort: ['createdAt', 'DESC'],
};

// The outbox is written by the workflow and drained by the worker.
export function notificationRoutes({ db }: AppContext) {
  return restRouter({
    name: 'notifications',
    label: 'Notification',
    spec,
    read: 'notifications.read',
    list: (q) => page(q, (a: Prisma.NotificationFindManyArgs) => db.notification.findMany(a), (a: { where?: Prisma.NotificationWhereInput }) => db.notification.count(a), present),
    getOne: async (id) => {
      const n = await db.notification.findUnique({ where: { id } });
      return n ? present(n) : null;
    },
  });
}
