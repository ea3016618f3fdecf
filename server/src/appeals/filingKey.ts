import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { openFor, sealFor } from '../auth/secretBox';
import { HttpError, badRequest } from '../http/errors';
import { checklistIn } from '../intake/attachEvidence';
import type { UploadedPart } from '../intake/upload';

// Filed exactly once (docs/owner-binding.md): a retry under the same Idempotency-Key within 24 hours gets the first
// answer again, its access token included, and files nothing. Only the key's hash is kept; the token is kept sealed
// with the server's secret box, bound to that hash, until the record expires.

export const FILING_KEY_TTL_MS = 24 * 3600_000;
export const keyPattern = /^[A-Za-z0-9_-]{16,100}$/;

/** The key a filing carries, or null without one; a malformed key is refused rather than ignored. */
export function filingKeyOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!keyPattern.test(header)) {
    throw badRequest(
      'Idempotency-Key must be 16 to 100 letters, digits, "-" or "_"',
      { idempotencyKey: '16–100 of A–Z a–z 0–9 - _' },
      'INVALID_IDEMPOTENCY_KEY',
    );
  }
  return header;
}

const keyHashOf = (key: string) => createHash('sha256').update(`filing-key:${key}`).digest('hex');

/** What makes two filings the same: the payload part as sent, and each file part's slot and content (its digest). */
export function filingFingerprint(payload: unknown, parts: readonly UploadedPart[]): string {
  const files = parts.map((p) => `${p.slotKey}:${p.sha256}`);
  return createHash('sha256')
    .update(JSON.stringify([typeof payload === 'string' ? payload : null, files.sort()]))
    .digest('hex');
}

export type FilingAnswer = { reference: string; accessToken: string; status: string; checklist: Awaited<ReturnType<typeof checklistIn>> };

/** The first answer again when the key was used for this same filing; a different filing under it is refused. */
export async function replayFiling(db: Db, serverSecret: string, key: string, fingerprint: string): Promise<FilingAnswer | null> {
  const keyHash = keyHashOf(key);
  const record = await db.filingKey.findUnique({ where: { keyHash } });
  if (!record || record.expiresAt <= new Date()) return null;
  if (record.fingerprint !== fingerprint) {
    throw new HttpError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different appeal: make a new key for a new appeal',
    );
  }
  const accessToken = openFor(serverSecret, `filing-key:${keyHash}`, record.sealedToken);
  const ticket = await db.ticket.findUnique({ where: { id: record.ticketId }, select: { id: true } });
  // A deleted appeal, or a box sealed under a former secret, cannot be answered again: the filing goes ahead anew.
  if (!accessToken || !ticket) {
    await db.filingKey.deleteMany({ where: { keyHash, expiresAt: record.expiresAt } });
    return null;
  }
  return { reference: record.reference, accessToken, status: record.status, checklist: await checklistIn(db, ticket.id, 'customer') };
}

/**
 * Records the key in the filing's transaction, so the ticket and its key commit together; a parallel filing under
 * the same key fails here on the primary key and is then answered from this record.
 */
export async function recordFilingKeyIn(
  tx: Prisma.TransactionClient,
  serverSecret: string,
  key: string,
  fingerprint: string,
  answer: { ticketId: number; reference: string; status: string; accessToken: string },
): Promise<void> {
  const keyHash = keyHashOf(key);
  const now = new Date();
  await tx.filingKey.deleteMany({ where: { keyHash, expiresAt: { lte: now } } });
  await tx.filingKey.create({
    data: {
      keyHash,
      fingerprint,
      ticketId: answer.ticketId,
      reference: answer.reference,
      status: answer.status,
      sealedToken: sealFor(serverSecret, `filing-key:${keyHash}`, answer.accessToken),
      expiresAt: new Date(now.getTime() + FILING_KEY_TTL_MS),
    },
  });
}
