import { createHash } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client';
import { presentAccount } from '../accounts/presenter';
import type { TicketForDecision } from './blockers';

/**
 * What an approval is based on: the declared values, every current file with its verdict, and the account as it
 * stood. A proposal keeps its digest; a confirmation on a ticket whose digest has moved is refused (docs/decisions.md).
 */
export function basisOf(ticket: TicketForDecision) {
  const files = ticket.evidence.map((e) => ({
    evidenceId: e.id,
    slot: ticket.slots.find((s) => s.id === e.slotId)?.slotKey ?? '',
    sha256: e.sha256,
    verdict: e.verdict,
  }));
  const { updatedAt: _u, createdAt: _c, ...accountValues } = ticket.account ?? ({} as Record<string, unknown>);
  const declared = {
    kind: ticket.kind,
    variant: ticket.variant,
    subjectType: ticket.subjectType,
    accountUin: ticket.accountUin,
    fields: ticket.fields,
    digests: ticket.fieldDigests,
  };
  const digest = createHash('sha256')
    .update(
      JSON.stringify({
        declared,
        files,
        slots: ticket.slots.map((s) => [s.slotKey, s.verdict]),
        account: accountValues,
        complete: ticket.complete,
      }),
    )
    .digest('hex');
  return {
    digest,
    files,
    // As agents saw it (masked): the exact values are in the digest.
    account: ticket.account ? (JSON.parse(JSON.stringify(presentAccount(ticket.account))) as Prisma.InputJsonObject) : null,
  };
}

export type DecisionBasis = ReturnType<typeof basisOf>;
