import { Router } from 'express';
import { z } from 'zod';
import { appealPayloadSchema } from '../catalog';
import { authorize, authorizeOn } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { HttpError, badRequest, notFound } from '../http/errors';
import { contactPhoneSchema, emailSchema, personNameSchema } from '../catalog/validators';
import { fieldErrorText, parseFieldCodes } from '../catalog/fieldErrors';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import type { ListSpec } from '../http/listQuery';
import { restRouter, type RestResource } from '../http/restRouter';
import { parseId, parseInput } from '../http/validate';
import { reviewOf } from '../review/declaredVsOnFile';
import { databaseKind } from '../db/databaseUrl';
import { createTicketIn } from './createTicket';
import { bindOwnerOnFilingIn } from '../ownerProof/onFiling';
import { deleteTicket } from '../privacy/erasure';
import { customerHistory } from './history';
import { listTickets } from './listing';
import { unreadAmong } from '../live/unread';
import { confirmDecision, confirmSchema, decide, decisionSchema } from './decision';
import { requestMaterials, requestMaterialsSchema } from './requestMaterials';
import { ticketForAgents } from './agentView';
import { presentTicket, type TicketRecord } from './presenter';
import { openStatuses, priorities, ticketStatuses } from './statuses';
import { assignIn, assignmentAction, lockTicketIn, plainMoveIn, versionField } from './workflow';

const overdueWhere = (now: Date): Prisma.TicketWhereInput => ({
  status: { in: [...openStatuses] },
  slaPausedAt: null,
  slaDueAt: { lt: now },
});

export const ticketListSpec: ListSpec = {
  filters: {
    id: 'int',
    reference: 'string',
    status: 'string',
    kind: 'string',
    variant: 'string',
    subjectType: 'string',
    priority: 'string',
    assigneeId: 'nullableInt',
    accountId: 'nullableInt',
    complete: 'boolean',
    slaDueAt: 'date',
    submittedAt: 'date',
    updatedAt: 'date',
    createdAt: 'date',
  },
  sortable: ['id', 'reference', 'slaDueAt', 'updatedAt', 'submittedAt', 'createdAt', 'status', 'kind'],
  defaultSort: ['slaDueAt', 'ASC'],
  search: (q) => ({ searchText: { contains: q.toLowerCase() } }),
  computed: {
    overdue: {
      schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
      where: (overdue: boolean) => (overdue ? overdueWhere(new Date()) : { NOT: overdueWhere(new Date()) }),
    },
  },
};

const createSchema = appealPayloadSchema.and(z.object({ priority: z.enum(priorities).optional() }));

const blankIsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), schema.nullable().optional());

// The whole record comes back from react-admin's edit form: unknown and read-only keys are dropped.
const updateSchema = z.object({
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(priorities).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  // Validated as the public form validates them (a contact is where the desk's notices go).
  contactName: personNameSchema(100).optional(),
  contactEmail: blankIsNull(emailSchema()),
  contactPhone: blankIsNull(contactPhoneSchema()),
  locale: z.enum(['zh-CN', 'en']).optional(),
  version: versionField,
});

const transitionSchema = z.object({ to: z.enum(ticketStatuses), reason: z.string().trim().max(2000).optional(), version: versionField });
const assignSchema = z.object({ agentId: z.number().int().positive().nullable(), reason: z.string().trim().max(2000).optional(), version: versionField });
// `versions`: each ticket's version as the list the agent acted from read it; a ticket changed since fails as STALE.
const bulkSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(500),
  versions: z.record(z.string().regex(/^\d+$/), z.number().int().positive()).optional(),
});

export function ticketRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const dialect = databaseKind(ctx.config.databaseUrl);
  const getOne = (id: number) => ticketForAgents(db, id);
  const mustGet = async (id: number) => (await getOne(id)) ?? Promise.reject(notFound('Ticket'));

  const resource: RestResource<TicketRecord> = {
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
      const ticket = await getOne(id);
      if (!ticket) return null;
      const at = ticket.customerActivityAt ? new Date(ticket.customerActivityAt) : null;
      const unread = await unreadAmong(db, agent.id, [{ id: ticket.id, assigneeId: ticket.assigneeId, customerActivityAt: at }]);
      return { ...ticket, unread: unread.has(ticket.id) };
    },
    create: {
      action: 'tickets.create',
      async handle({ body, agent }) {
        const input = parseInput(createSchema, body);
        const ticket = await db.$transaction(async (tx) => {
          const created = await createTicketIn(tx, { ...input, by: { actorType: 'agent', agentId: agent.id } }, ctx.config.identityHashKey);
          // Filed by an agent on the phone: the owner is told all the same; no proof of control comes with it.
          await bindOwnerOnFilingIn(tx, created, undefined, ctx.config.publicBaseUrl);
          return created;
        });
        return mustGet(ticket.id);
      },
    },
    update: {
      action: 'tickets.update',
      async handle({ id, body, agent }) {
        const input = parseFieldCodes(updateSchema, body, agent.locale);
        await db.$transaction(async (tx) => {
          if (!(await lockTicketIn(tx, id, null, input.version))) throw notFound('Ticket');
          const current = await tx.ticket.findUniqueOrThrow({ where: { id } });
          if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId) {
            authorize(agent.role, assignmentAction(current.assigneeId, input.assigneeId, agent.id));
            await assignIn(tx, id, input.assigneeId, { actorType: 'agent', agentId: agent.id });
          }
          if (input.status && input.status !== current.status) await plainMoveIn(tx, id, input.status, agent);
          const { status: _s, assigneeId: _a, version: _v, ...plain } = input;
          const changed = Object.entries(plain).filter(([k, v]) => v !== undefined && v !== current[k as keyof typeof plain]);
          if (changed.length > 0) {
            authorizeOn(agent, current);
            const next = { ...current, ...Object.fromEntries(changed) };
            if (!next.contactEmail && !next.contactPhone) throw badRequest('Keep an email or a phone to reach the customer', { contactEmail: fieldErrorText('contact_required', agent.locale) });
            await tx.ticket.update({ where: { id }, data: Object.fromEntries(changed) });
            // The contact that was replaced hears of it: an insider moving an appeal to their own address is seen.
            if (changed.some(([k]) => k === 'contactEmail' || k === 'contactPhone')) {
              const link = statusLink(ctx.config.publicBaseUrl, current.reference);
              for (const n of noticesFor(current, 'contact_changed', { statusLink: link })) await enqueueIn(tx, n);
            }
            await tx.event.create({
              data: { ticketId: id, actorType: 'agent', agentId: agent.id, type: 'ticket.updated', data: Object.fromEntries(changed.map(([k, v]) => [k, { from: current[k as keyof typeof plain], to: v }])) },
            });
          }
        });
        return mustGet(id);
      },
    },
    remove: {
      action: 'tickets.delete',
      // Its files, notices and their .eml copies go with it; an event keeps who deleted which reference.
      async handle({ id, agent }) {
        const record = await mustGet(id);
        await deleteTicket(ctx, id, agent);
        return record;
      },
    },
  };

  const router = Router();
  // Bulk actions: one transaction per ticket, so one illegal move does not undo the others.
  async function eachTicket(ids: number[], act: (id: number) => Promise<unknown>) {
    const done: number[] = [];
    const failed: { id: number; code: string; message: string }[] = [];
    for (const id of ids) {
      try {
        await act(id);
        done.push(id);
      } catch (e) {
        if (!(e instanceof HttpError)) throw e;
        failed.push({ id, code: e.code, message: e.message });
      }
    }
    return { done, failed };
  }
  router.post('/bulk/transition', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const { ids, versions, to, reason } = parseInput(bulkSchema.extend(transitionSchema.omit({ version: true }).shape), req.body);
    res.json(await eachTicket(ids, (id) => db.$transaction(async (tx) => {
      if (!(await lockTicketIn(tx, id, null, versions?.[id]))) throw notFound('Ticket');
      await plainMoveIn(tx, id, to, agent, reason);
    })));
  });
  router.post('/bulk/assign', async (req, res) => {
    const agent = signedIn(req);
    const { ids, versions, agentId, reason } = parseInput(bulkSchema.extend(assignSchema.omit({ version: true }).shape), req.body);
    res.json(await eachTicket(ids, (id) => db.$transaction(async (tx) => {
      if (!(await lockTicketIn(tx, id, null, versions?.[id]))) throw notFound('Ticket');
      const current = await tx.ticket.findUnique({ where: { id }, select: { assigneeId: true } });
      if (!current) throw notFound('Ticket');
      authorize(agent.role, assignmentAction(current.assigneeId, agentId, agent.id));
      await assignIn(tx, id, agentId, { actorType: 'agent', agentId: agent.id }, reason);
    })));
  });
  router.get('/:id/review', async (req, res) => {
    authorize(signedIn(req).role, 'tickets.read');
    const review = await reviewOf(db, parseId(req.params.id), signedIn(req));
    if (!review) throw notFound('Ticket');
    res.json(review);
  });
  // Read as the ticket is read (not an audited reveal): every value in it is masked.
  router.get('/:id/history', async (req, res) => {
    authorize(signedIn(req).role, 'tickets.read');
    const history = await customerHistory(db, ctx.reader, parseId(req.params.id));
    if (!history) throw notFound('Ticket');
    res.json(history);
  });
  router.post('/:id/request-materials', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const id = parseId(req.params.id);
    await requestMaterials(ctx, id, agent, parseInput(requestMaterialsSchema, req.body));
    res.json(await mustGet(id));
  });
  router.post('/:id/decision', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.decide');
    const id = parseId(req.params.id);
    const outcome = await decide(ctx, id, agent, parseInput(decisionSchema, req.body));
    res.status('pending' in outcome ? 202 : 200).json({ ...(await mustGet(id)), outcome });
  });
  router.post('/:id/decision/confirm', async (req, res) => {
    const agent = signedIn(req);
    const id = parseId(req.params.id);
    const outcome = await confirmDecision(ctx, id, agent, parseInput(confirmSchema, req.body));
    res.json({ ...(await mustGet(id)), outcome });
  });
  router.post('/:id/transition', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const id = parseId(req.params.id);
    const { to, reason, version } = parseInput(transitionSchema, req.body);
    await db.$transaction(async (tx) => {
      if (!(await lockTicketIn(tx, id, null, version))) throw notFound('Ticket');
      await plainMoveIn(tx, id, to, agent, reason);
    });
    res.json(await mustGet(id));
  });
  router.post('/:id/assign', async (req, res) => {
    const agent = signedIn(req);
    const id = parseId(req.params.id);
    const { agentId, reason, version } = parseInput(assignSchema, req.body);
    await db.$transaction(async (tx) => {
      if (!(await lockTicketIn(tx, id, null, version))) throw notFound('Ticket');
      const current = await tx.ticket.findUnique({ where: { id }, select: { assigneeId: true } });
      if (!current) throw notFound('Ticket');
      authorize(agent.role, assignmentAction(current.assigneeId, agentId, agent.id));
      await assignIn(tx, id, agentId, { actorType: 'agent', agentId: agent.id }, reason);
    });
    res.json(await mustGet(id));
  });
  router.use(restRouter(resource));
  return router;
}
