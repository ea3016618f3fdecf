import type { Request, Response } from 'express';
import { appealPayloadSchema, slotsFor } from '../catalog';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { parseInput } from '../http/validate';
import type { EvidenceStore } from '../storage/evidenceStore';
import { noticesFor, statusLink } from '../notifications/customerNotices';
import { enqueueIn } from '../notifications/outbox';
import { createTicketIn } from '../tickets/createTicket';
import { bindOwnerOnFilingIn, requireOwnerProof } from '../ownerProof/onFiling';
import { newAccessToken } from './accessToken';
import { attachEvidenceIn, checklistIn, checklistOf } from '../intake/attachEvidence';
import type { Intake } from '../intake/pipeline';
import { filingFingerprint, recordFilingKeyIn, replayFiling, type FilingAnswer } from './filingKey';
import { linkOpenAppealsIn } from './relatedAppeals';
import { isUniqueViolation } from '../http/uniqueViolation';
import { appealsReceived } from '../metrics/registry';

export function readPayload(fields: Record<string, unknown>): unknown {
  const raw = fields.payload;
  if (typeof raw !== 'string') throw badRequest('The form lacks its payload part', { payload: 'Required' }, 'PAYLOAD_REQUIRED');
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('The payload part is not valid JSON', { payload: 'Must be JSON' }, 'INVALID_PAYLOAD');
  }
}

/**
 * Files an appeal through the intake pipeline (intake/pipeline.ts): validate, inspect every file, store them, then
 * one transaction writes the ticket with all its evidence. If anything fails, the files this submission stored are
 * removed again. Under an Idempotency-Key a filing already made is answered again instead (appeals/filingKey.ts),
 * before any file is stored.
 */
export function submitAppeal(
  ctx: AppContext & { store: EvidenceStore },
  takeIn: Intake,
  req: Request,
  res: Response,
  filingKey: string | null = null,
): Promise<FilingAnswer & { replayed?: true }> {
  const sealKey = ctx.config.totpEncryptionKey;
  return takeIn<FilingAnswer & { replayed?: true }>(req, res, async (upload) => {
    const fingerprint = filingKey ? filingFingerprint(upload.fields.payload, upload.parts) : '';
    const replay = async () => {
      const again = filingKey ? await replayFiling(ctx.db, sealKey, filingKey, fingerprint) : null;
      return again && { ...again, replayed: true as const };
    };
    const first = await replay();
    if (first) return { answered: first };
    const input = parseInput(appealPayloadSchema, readPayload(upload.fields));
    requireOwnerProof(input);
    return {
      slots: slotsFor(input.kind, input.subjectType, input.variant ?? undefined),
      store: true,
      async finish(files) {
        const answer = await ctx.db.$transaction(async (tx) => {
          const token = newAccessToken();
          const ticket = await createTicketIn(
            tx,
            { ...input, accessTokenHash: token.hash, by: { actorType: 'customer' } },
            ctx.config.identityHashKey,
          );
          if (filingKey)
            await recordFilingKeyIn(tx, sealKey, filingKey, fingerprint, {
              ticketId: ticket.id,
              reference: ticket.reference,
              status: ticket.status,
              accessToken: token.token,
            });
          await bindOwnerOnFilingIn(tx, ticket, input.ownerProof, ctx.config.publicBaseUrl);
          const checklist =
            files.length > 0
              ? checklistOf(await attachEvidenceIn(tx, ticket.id, files, 'customer'), 'customer')
              : await checklistIn(tx, ticket.id, 'customer');
          for (const n of noticesFor(ticket, 'received', { statusLink: statusLink(ctx.config, ticket.reference) })) await enqueueIn(tx, n);
          await linkOpenAppealsIn(tx, ticket, ctx.config);
          return { reference: ticket.reference, accessToken: token.token, status: ticket.status, checklist };
        });
        appealsReceived.inc({ kind: input.kind });
        return answer;
      },
      // A parallel filing under the same key committed first: this one is its retry.
      recover: async (e) => (isUniqueViolation(e) ? await replay() : null),
    };
  });
}
