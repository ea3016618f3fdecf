import { Router, type Request, type Response } from 'express';
import { getKind, outcomeOf, slotsFor } from '../catalog';
import type { AppContext } from '../context';
import { conflict, notFound } from '../http/errors';
import { finishBeforeExit } from '../http/inflight';
import { rateLimit } from '../http/rateLimit';
import { parseInput } from '../http/validate';
import type { Ticket } from '../generated/prisma/client';
import type { EvidenceStore } from '../storage/evidenceStore';
import { accessCheckSchema, accessCodeSchema, appealMessageSchema, linkSchema } from '../contract/public';
import { acceptsFiles, customerStatus, mayWithdraw } from '../contract/statuses';
import { transitionIn } from '../tickets/workflow';
import { bearerToken, tokenMatches } from './accessToken';
import { exchangeStatusLink, issueAccessCode, verifyAccessCode } from './accessRegain';
import { filingKeyOf } from './filingKey';
import { attachEvidenceIn, checklistIn, currentFilesOf } from '../intake/attachEvidence';
import { intakePipeline } from '../intake/pipeline';
import { submitAppeal } from './submitAppeal';
import { withdrawAppeal } from './withdrawAppeal';

const hour = 3600_000;
const referenceOf = (req: Request) => String(req.params.reference ?? '').slice(0, 40);

export function appealRoutes(ctx: AppContext & { store: EvidenceStore }): Router {
  const { db, config } = ctx;
  const router = Router();
  const { appealsPerHour, appealsPerDay, publicReadsPerHour } = config.rateLimits;
  const writes = rateLimit(db, 'appeal-write', [
    { windowMs: hour, max: appealsPerHour },
    { windowMs: 24 * hour, max: appealsPerDay },
  ]);
  const reads = rateLimit(db, 'appeal-read', [{ windowMs: hour, max: publicReadsPerHour }]);
  const takeIn = intakePipeline(ctx);

  /** The appeal the bearer token opens; a wrong token and an unknown reference are the same 404. */
  async function openAppeal(req: Request) {
    const reference = referenceOf(req);
    const token = bearerToken(req.get('authorization'));
    const ticket = /^AP-\d{8}-\d{4,}$/.test(reference) ? await db.ticket.findUnique({ where: { reference } }) : null;
    if (!tokenMatches(ticket?.accessTokenHash, token ?? '') || !ticket) throw notFound('Appeal');
    return ticket;
  }

  async function view(ticketId: number) {
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      include: { messages: { where: { kind: { in: ['public_reply', 'customer_message'] } }, orderBy: { createdAt: 'asc' } } },
    });
    const checklist = await checklistIn(db, ticketId, 'customer');
    return {
      reference: ticket.reference,
      kind: ticket.kind,
      variant: ticket.variant,
      subjectType: ticket.subjectType,
      status: customerStatus(ticket.status),
      acceptsFiles: acceptsFiles(ticket.status),
      mayWithdraw: mayWithdraw(ticket.status),
      // What approval does, in the words the customer is told it (the variant's, else the effect's).
      outcome: outcomeOf(getKind(ticket.kind)!, ticket.variant),
      submittedAt: ticket.submittedAt,
      updatedAt: ticket.updatedAt,
      decidedAt: ticket.decidedAt,
      checklist,
      requestedSlots: checklist.slots.filter((s) => s.requested).map((s) => s.key),
      messages: ticket.messages.map((m) => ({ id: m.id, kind: m.kind, body: m.body, createdAt: m.createdAt })),
    };
  }

  router.post('/', writes, async (req, res) => {
    const filingKey = filingKeyOf(req.get('idempotency-key'));
    await finishBeforeExit(
      (async () => {
        const { replayed, ...answer } = await submitAppeal(ctx, takeIn, req, res, filingKey);
        if (replayed) res.set('Idempotent-Replayed', 'true');
        res.status(201).json(answer);
      })(),
    );
  });

  // A way back in (appeals/accessRegain.ts): the same 202 whatever the reference.
  router.post('/:reference/access-codes', async (req, res) => {
    const { channel } = parseInput(accessCodeSchema, req.body ?? {});
    res.set('Cache-Control', 'no-store');
    res.status(202).json(await issueAccessCode(db, config.identityHashKey, referenceOf(req), channel, req.ip ?? 'unknown'));
  });

  router.post('/:reference/access-codes/verify', async (req, res) => {
    const { code } = parseInput(accessCheckSchema, req.body);
    res.set('Cache-Control', 'no-store');
    res.json(await verifyAccessCode(db, config.identityHashKey, referenceOf(req), code, req.ip ?? 'unknown'));
  });

  router.post('/:reference/status-link/exchange', reads, async (req, res) => {
    const { token } = parseInput(linkSchema, req.body);
    res.set('Cache-Control', 'no-store');
    res.json(await exchangeStatusLink(db, config.identityHashKey, referenceOf(req), token));
  });

  router.get('/:reference', reads, async (req, res) => {
    const ticket = await openAppeal(req);
    res.set('Cache-Control', 'no-store');
    res.json(await view(ticket.id));
  });

  /** More files for an open appeal: inspected, stored and recorded together, or not at all. */
  async function addEvidence(req: Request, res: Response, ticket: Ticket) {
    await takeIn(req, res, async () => {
      if (!acceptsFiles(ticket.status)) throw conflict('This appeal is decided: file a new one to send more materials', 'APPEAL_CLOSED');
      const defs = slotsFor(ticket.kind, ticket.subjectType, ticket.variant ?? undefined);
      return {
        slots: defs,
        held: () => currentFilesOf(db, ticket.id, defs),
        store: true,
        finish: (files) =>
          db.$transaction(async (tx) => {
            await attachEvidenceIn(tx, ticket.id, files, 'customer');
            // The customer answered: the ticket goes back to review and its SLA clock runs again.
            if (ticket.status === 'awaiting_customer')
              await transitionIn(tx, ticket.id, 'in_review', { actorType: 'customer' }, 'customer_sent_materials');
          }),
      };
    });
    res.json(await view(ticket.id));
  }

  router.post('/:reference/evidence', writes, async (req, res) => {
    const ticket = await openAppeal(req);
    await finishBeforeExit(addEvidence(req, res, ticket));
  });

  /** The customer withdraws an undecided appeal; again, the same answer (docs/decisions.md, "Withdrawal"). */
  router.post('/:reference/withdraw', writes, async (req, res) => {
    const ticket = await openAppeal(req);
    await withdrawAppeal(ctx, ticket.id);
    res.set('Cache-Control', 'no-store');
    res.json(await view(ticket.id));
  });

  router.post('/:reference/messages', writes, async (req, res) => {
    const ticket = await openAppeal(req);
    const { body } = parseInput(appealMessageSchema, req.body);
    if (ticket.status === 'closed') throw conflict('This appeal is closed: file a new one if you need more help', 'APPEAL_CLOSED');
    const message = await db.$transaction(async (tx) => {
      const m = await tx.message.create({ data: { ticketId: ticket.id, kind: 'customer_message', body } });
      await tx.event.create({
        data: { ticketId: ticket.id, actorType: 'customer', type: 'message.added', data: { messageId: m.id, kind: m.kind } },
      });
      await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date(), version: { increment: 1 } } });
      return m;
    });
    res.status(201).json({ id: message.id, kind: message.kind, body: message.body, createdAt: message.createdAt });
  });

  return router;
}
