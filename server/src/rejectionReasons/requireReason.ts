import type { Db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { badRequest } from '../http/errors';

/** A reason that exists, is active and fits where it is used; 400 otherwise. */
export async function requireReason(
  db: Db | Prisma.TransactionClient,
  code: string | undefined,
  use: 'evidence' | 'decision',
  field = 'reasonCode',
) {
  const reason = code ? await db.rejectionReason.findUnique({ where: { code } }) : null;
  if (!reason || !reason.active || (reason.scope !== 'both' && reason.scope !== use)) {
    throw badRequest('Choose a rejection reason from the list', { [field]: 'Unknown or inactive reason' }, 'UNKNOWN_REASON');
  }
  return reason;
}
