import type { AppContext } from '../context';
import type { Ticket } from '../contract/records';
import { ticketCreateSchema, ticketUpdateSchema } from '../contract/tickets';
import { parseFieldCodes } from '../catalog/fieldErrors';
import { databaseKind } from '../db/databaseUrl';
import type { RestResource } from '../http/restRouter';
import { parseInput } from '../http/validate';
import { unreadAmong } from '../live/unread';
import { deleteTicket } from '../privacy/erasure';
import { fileByAgent } from './agentFiling';
import { ticketForAgents, ticketForAgentsOr404 } from './agentView';
import { editTicket } from './edit';
import { listTickets } from './listing';
import { ticketListSpec } from './listSpec';
import { presentTicket } from './presenter';

/** The tickets as react-admin reads and writes them (http/restRouter.ts): list, getOne, create, update, delete. */
export function ticketResource(ctx: AppContext): RestResource<Ticket> {
  const { db } = ctx;
  const dialect = databaseKind(ctx.config.databaseUrl);
  return {
    name: 'tickets',
    label: 'Ticket',
    spec: ticketListSpec,
    read: 'tickets.read',
    async list(q, agent) {
      const now = new Date();
      const found = await listTickets(db, ctx.reader, dialect, q, agent.locale);
      // Unread for the signed-in agent: their own marks on this page's rows, one lookup.
      const unread = await unreadAmong(db, agent.id, found.rows);
      return { ...found, rows: found.rows.map((t) => ({ ...presentTicket(t, now), unread: unread.has(t.id) })) };
    },
    // As a list row shows it: with `unread` for the signed-in agent.
    async getOne(id, agent) {
      const ticket = await ticketForAgents(db, id);
      if (!ticket) return null;
      const at = ticket.customerActivityAt ? new Date(ticket.customerActivityAt) : null;
      const unread = await unreadAmong(db, agent.id, [{ id: ticket.id, assigneeId: ticket.assigneeId, customerActivityAt: at }]);
      return { ...ticket, unread: unread.has(ticket.id) };
    },
    create: {
      action: 'tickets.create',
      async handle({ body, agent }) {
        const ticket = await fileByAgent(ctx, parseInput(ticketCreateSchema, body), agent);
        return ticketForAgentsOr404(db, ticket.id);
      },
    },
    update: {
      action: 'tickets.update',
      async handle({ id, body, agent }) {
        await editTicket(ctx, id, parseFieldCodes(ticketUpdateSchema, body, agent.locale), agent);
        return ticketForAgentsOr404(db, id);
      },
    },
    remove: {
      action: 'tickets.delete',
      // Its files, notices and their .eml copies go with it; an event keeps who deleted which reference.
      async handle({ id, agent }) {
        const record = await ticketForAgentsOr404(db, id);
        await deleteTicket(ctx, id, agent);
        return record;
      },
    },
  };
}
