import { Router } from 'express';
import { z } from 'zod';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { badRequest } from '../http/errors';
import { parseInput } from '../http/validate';
import { isOpen } from '../tickets/statuses';

const who = z
  .object({ email: z.string().trim().toLowerCase().email().optional(), phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '11-digit mainland mobile').optional() })
  .refine((v) => v.email || v.phone, { message: 'Give the customer\'s email or phone', path: ['email'] });

const eraseSchema = who.and(z.object({ reason: z.string().trim().min(3, 'Say why (the customer\'s request, its date)').max(500) }));

const erased = '[erased]';

function ticketsOf(input: z.infer<typeof who>): Prisma.TicketWhereInput {
  return { OR: [...(input.email ? [{ contactEmail: input.email }] : []), ...(input.phone ? [{ contactPhone: input.phone }] : [])] };
}

/** A customer's data on request: everything the desk holds about their appeals, and its erasure. */
export function privacyRoutes({ db, store }: AppContext): Router {
  const router = Router();

  // POST, not GET: the customer's email or phone stays out of URLs and access logs.
  router.post('/export', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'privacy.manage');
    const input = parseInput(who, req.body);
    const tickets = await db.ticket.findMany({
      where: ticketsOf(input),
      include: {
        messages: { where: { kind: { in: ['public_reply', 'customer_message'] } }, orderBy: { createdAt: 'asc' } },
        evidence: { select: { id: true, originalName: true, mime: true, size: true, createdAt: true, findings: true, purgedAt: true, slot: { select: { slotKey: true } } } },
      },
      orderBy: { submittedAt: 'asc' },
    });
    for (const t of tickets) await db.event.create({ data: { ticketId: t.id, actorType: 'agent', agentId: agent.id, type: 'privacy.exported' } });
    res.set('Cache-Control', 'no-store');
    res.json({
      exportedAt: new Date(),
      tickets: tickets.map((t) => ({
        reference: t.reference, kind: t.kind, variant: t.variant, subjectType: t.subjectType, status: t.status,
        submittedAt: t.submittedAt, decidedAt: t.decidedAt, decision: t.decision, declared: t.fields,
        contact: { name: t.contactName, email: t.contactEmail, phone: t.contactPhone, locale: t.locale },
        messages: t.messages.map((m) => ({ kind: m.kind, body: m.body, createdAt: m.createdAt })),
        files: t.evidence.map((e) => ({ slot: e.slot.slotKey, name: e.originalName, type: e.mime, size: e.size, uploadedAt: e.createdAt, findings: e.findings, deletedAt: e.purgedAt })),
      })),
    });
  });

  router.post('/erase', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'privacy.manage');
    const input = parseInput(eraseSchema, req.body);
    const tickets = await db.ticket.findMany({ where: ticketsOf(input), include: { evidence: true } });
    if (tickets.length === 0) throw badRequest('No appeal has that email or phone', { email: 'Not found' }, 'NO_SUCH_CUSTOMER');
    const open = tickets.filter((t) => isOpen(t.status)).map((t) => t.reference);
    const erasedRefs: string[] = [];
    const now = new Date();
    for (const t of tickets.filter((x) => !isOpen(x.status))) {
      await db.$transaction(async (tx) => {
        await tx.ticket.update({
          where: { id: t.id },
          data: {
            contactName: erased, contactEmail: null, contactPhone: null, accessTokenHash: null, searchText: '',
            fields: Object.fromEntries(Object.keys(t.fields as object).map((k) => [k, erased])), fieldDigests: {},
          },
        });
        await tx.message.updateMany({ where: { ticketId: t.id, kind: 'customer_message' }, data: { body: erased } });
        await tx.notification.updateMany({ where: { ticketId: t.id }, data: { recipient: erased, body: erased } });
        await tx.evidence.updateMany({ where: { ticketId: t.id }, data: { originalName: erased, purgedAt: now } });
        await tx.event.create({ data: { ticketId: t.id, actorType: 'agent', agentId: agent.id, type: 'privacy.erased', reason: input.reason } });
      });
      for (const e of t.evidence) {
        if ((await db.evidence.count({ where: { storageKey: e.storageKey, purgedAt: null } })) === 0) await store.remove(e.storageKey);
      }
      erasedRefs.push(t.reference);
    }
    // Open appeals are still being worked: the customer withdraws them first, then asks again.
    res.json({ erased: erasedRefs, keptOpen: open });
  });

  return router;
}
