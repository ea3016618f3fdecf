import type { AppContext } from '../context';
import type { Message, Prisma } from '../generated/prisma/client';
import { notFound } from '../http/errors';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { lists } from '../contract/lists';
import { listSpec } from '../http/listQuery';
import { page } from '../http/page';
import { restRouter } from '../http/restRouter';
import { parseInput } from '../http/validate';
import { knownByTicket, maskFreeText, type Known } from '../privacy/presenter';
import { lockTicketIn } from '../tickets/workflow';
import { messageCreateSchema } from '../contract/messages';

// Customers write their numbers and addresses into messages, and agents quote them: bodies leave masked.
const present = (m: Message, known: Known = []) => ({
  id: m.id,
  ticketId: m.ticketId,
  kind: m.kind,
  agentId: m.agentId,
  body: maskFreeText(m.body, known),
  createdAt: m.createdAt,
});

export const spec = listSpec(lists.messages, {});

export function messageRoutes({ db, config }: AppContext) {
  const presentAll = async (messages: Message[]) => {
    const known = await knownByTicket(
      db,
      messages.map((m) => m.ticketId),
    );
    return messages.map((m) => present(m, known.get(m.ticketId)));
  };
  return restRouter({
    name: 'messages',
    label: 'Message',
    spec,
    read: 'messages.read',
    async list(q) {
      const found = await page(
        q,
        (a: Prisma.MessageFindManyArgs) => db.message.findMany(a),
        (a: { where?: Prisma.MessageWhereInput }) => db.message.count(a),
        (m) => m,
      );
      return { ...found, rows: await presentAll(found.rows) };
    },
    getOne: async (id) => {
      const m = await db.message.findUnique({ where: { id } });
      return m ? (await presentAll([m]))[0]! : null;
    },
    create: {
      action: 'messages.create',
      async handle({ body, agent }) {
        const { version, ...input } = parseInput(messageCreateSchema, body);
        const message = await db.$transaction(async (tx) => {
          if (!(await lockTicketIn(tx, input.ticketId, null, version))) throw notFound('Ticket');
          const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: input.ticketId } });
          const m = await tx.message.create({ data: { ...input, agentId: agent.id } });
          // Internal notes never leave the desk; public replies reach the customer.
          if (m.kind === 'public_reply') {
            for (const n of noticesFor(ticket, 'reply', { statusLink: statusLink(config, ticket.reference), message: m.body }))
              await enqueueIn(tx, n);
          }
          await tx.event.create({
            data: {
              ticketId: input.ticketId,
              actorType: 'agent',
              agentId: agent.id,
              type: 'message.added',
              data: { messageId: m.id, kind: m.kind },
            },
          });
          return m;
        });
        return (await presentAll([message]))[0]!;
      },
    },
  });
}
