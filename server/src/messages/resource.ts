import { z } from 'zod';
import type { AppContext } from '../context';
import type { Message, Prisma } from '../generated/prisma/client';
import { notFound } from '../http/errors';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import type { ListSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { parseInput } from '../http/validate';
import { knownByTicket, maskFreeText, type Known } from '../privacy/presenter';
import { lockTicketIn, versionField } from '../tickets/workflow';

// Customers write their numbers and addresses into messages, and agents quote them: bodies leave masked.
const present = (m: Message, known: Known = []) => ({ id: m.id, ticketId: m.ticketId, kind: m.kind, agentId: m.agentId, body: maskFreeText(m.body, known), createdAt: m.createdAt });

const spec: ListSpec = {
  filters: { id: 'int', ticketId: 'int', kind: 'string', agentId: 'nullableInt', createdAt: 'date' },
  sortable: ['id', 'createdAt'],
  defaultSort: ['createdAt', 'ASC'],
};

// Agents write replies and notes; customer messages arrive through the public routes only.
const createSchema = z.object({
  ticketId: z.number().int().positive(),
  kind: z.enum(['public_reply', 'internal_note']),
  body: z.string().trim().min(1, 'Write something').max(10_000),
  version: versionField,
});

export function messageRoutes({ db, config }: AppContext) {
  const presentAll = async (messages: Message[]) => {
    const known = await knownByTicket(db, messages.map((m) => m.ticketId));
    return messages.map((m) => present(m, known.get(m.ticketId)));
  };
  return restRouter({
    name: 'messages',
    label: 'Message',
    spec,
    read: 'messages.read',
    async list(q) {
      const found = await page(q, (a: Prisma.MessageFindManyArgs) => db.message.findMany(a), (a: { where?: Prisma.MessageWhereInput }) => db.message.count(a), (m) => m);
      return { ...found, rows: await presentAll(found.rows) };
    },
    getOne: async (id) => {
      const m = await db.message.findUnique({ where: { id } });
      return m ? (await presentAll([m]))[0]! : null;
    },
    create: {
      action: 'messages.create',
      async handle({ body, agent }) {
        const { version, ...input } = parseInput(createSchema, body);
        const message = await db.$transaction(async (tx) => {
          if (!(await lockTicketIn(tx, input.ticketId, null, version))) throw notFound('Ticket');
          const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId } });
          const m = await tx.message.create({ data: { ...input, agentId: agent.id } });
          // Internal notes never leave the desk; public replies reach the customer.
          if (m.kind === 'public_reply') {
            for (const n of noticesFor(ticket, 'reply', { statusLink: statusLink(config, ticket.reference), message: m.body })) await enqueueIn(tx, n);
          }
          await tx.event.create({ data: { ticketId: input.ticketId, actorType: 'agent', agentId: agent.id, type: 'message.added', data: { messageId: m.id, kind: m.kind } } });
          return m;
        });
        return (await presentAll([message]))[0]!;
      },
    },
  });
}
