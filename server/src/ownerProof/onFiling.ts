import { ownerCodeRule } from '../catalog';
import { statementOf } from '../effects/registry';
import type { Prisma, Ticket } from '../generated/prisma/client';
import { badRequest } from '../http/errors';
import { spendOwnerProofIn } from './ownerCodes';
import { tellOwnerOfFilingIn } from './ownerNotices';

/** Before anything is stored: an appeal that asks for no file cannot be filed without proof of control. */
export function requireOwnerProof(input: {
  kind: string;
  subjectType: string;
  variant?: string | undefined;
  ownerProof?: string | undefined;
}): void {
  if (ownerCodeRule(input.kind, input.subjectType, input.variant) === 'required' && !input.ownerProof) {
    throw badRequest(
      "This appeal needs a code sent to the account's security phone or email",
      { ownerProof: 'Verify the code sent to the account first' },
      'OWNER_CODE_REQUIRED',
    );
  }
}

/**
 * Inside the filing transaction: spends the proof of control, if any, and tells the account's owner on the
 * channels on file, with the single-use "this wasn't me" link (docs/owner-binding.md).
 */
export async function bindOwnerOnFilingIn(
  tx: Prisma.TransactionClient,
  ticket: Ticket,
  ownerProof: string | undefined,
  publicBaseUrl: string,
): Promise<void> {
  if (ownerProof) {
    const verifiedAt = await spendOwnerProofIn(tx, ownerProof, ticket.accountUin, ticket.id);
    await tx.ticket.update({ where: { id: ticket.id }, data: { ownerVerifiedAt: verifiedAt } });
    await tx.event.create({
      data: { ticketId: ticket.id, actorType: 'customer', type: 'owner.verified', data: { verifiedAt: verifiedAt.toISOString() } },
    });
  }
  const account = ticket.accountId ? await tx.account.findUnique({ where: { id: ticket.accountId } }) : null;
  if (account) await tellOwnerOfFilingIn(tx, ticket, account, statementOf(ticket), publicBaseUrl);
}
