import { Router } from 'express';
import { z } from 'zod';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import type { Prisma } from '../generated/prisma/client';
import { badRequest } from '../http/errors';
import { parseInput } from '../http/validate';
import { isOpen } from '../contract/statuses';
import { eraseTicket } from './erasure';
import { revealSchema } from '../contract/reveal';
import { revealContact } from './reveal';

export const who = z
  .object({
    email: z.string().trim().toLowerCase().email().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '11-digit mainland mobile')
      .optional(),
  })
  .refine((v) => v.email || v.phone, { message: "Give the customer's email or phone", path: ['email'] });

export const eraseSchema = who.and(z.object({ reason: z.string().trim().min(3, "Say why (the customer's request, its date)").max(500) }));

function ticketsOf(input: z.infer<typeof who>): Prisma.TicketWhereInput {
  return { OR: [...(input.email ? [{ contactEmail: input.email }] : []), ...(input.phone ? [{ contactPhone: input.phone }] : [])] };
}

/** A customer's data on request: everything the desk holds about their appeals, and its erasure; a contact's reveal. */
export function privacyRoutes(ctx: AppContext): Router {
  const { db } = ctx;
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
        evidence: {
          select: {
            id: true,
            originalName: true,
            mime: true,
            size: true,
            createdAt: true,
            findings: true,
            purgedAt: true,
            slot: { select: { slotKey: true } },
          },
        },
      },
      orderBy: { submittedAt: 'asc' },
    });
    for (const t of tickets)
      await db.event.create({ data: { ticketId: t.id, actorType: 'agent', agentId: agent.id, type: 'privacy.exported' } });
    res.set('Cache-Control', 'no-store');
    res.json({
      exportedAt: new Date(),
      tickets: tickets.map((t) => ({
        reference: t.reference,
        kind: t.kind,
        variant: t.variant,
        subjectType: t.subjectType,
        status: t.status,
        submittedAt: t.submittedAt,
        decidedAt: t.decidedAt,
        decision: t.decision,
        declared: t.fields,
        contact: { name: t.contactName, email: t.contactEmail, phone: t.contactPhone, locale: t.locale },
        messages: t.messages.map((m) => ({ kind: m.kind, body: m.body, createdAt: m.createdAt })),
        files: t.evidence.map((e) => ({
          slot: e.slot.slotKey,
          name: e.originalName,
          type: e.mime,
          size: e.size,
          uploadedAt: e.createdAt,
          findings: e.findings,
          deletedAt: e.purgedAt,
        })),
      })),
    });
  });

  router.post('/erase', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'privacy.manage');
    const input = parseInput(eraseSchema, req.body);
    const tickets = await db.ticket.findMany({ where: ticketsOf(input), select: { id: true, reference: true, status: true } });
    if (tickets.length === 0) throw badRequest('No appeal has that email or phone', { email: 'Not found' }, 'NO_SUCH_CUSTOMER');
    const erased: string[] = [];
    const keptOpen: string[] = [];
    // Open appeals are still being worked: the customer withdraws them first, then asks again.
    for (const t of tickets)
      (!isOpen(t.status) && (await eraseTicket(ctx, t.id, agent, input.reason)) ? erased : keptOpen).push(t.reference);
    res.json({ erased, keptOpen });
  });

  // The full contact, for the ticket's assignee, supervisors and admins: POST, as each call is recorded.
  router.post('/reveal', async (req, res) => {
    res.json(await revealContact(db, signedIn(req), parseInput(revealSchema, req.body)));
  });

  return router;
}
