import { presentAccount } from '../accounts/presenter';
import type { Db } from '../db/client';
import { loadForDecision } from '../decisions/blockers';
import { decisionPreview } from '../decisions/preview';
import { effectFor } from '../effects/registry';
import type { Agent } from '../generated/prisma/client';
import { knownOf, presentPersonal } from '../privacy/presenter';
import { compareDeclared, preconditionsFor } from './declaredVsOnFile';
import { phoneHoldersOf } from './phoneHolders';

/** The review page's data: declared vs on file, the preconditions, and what approving would do (docs/decisions.md). */
export async function reviewOf(db: Db, ticketId: number, viewer: Agent) {
  const ticket = await loadForDecision(db, ticketId);
  if (!ticket) return null;
  const preconditions = await preconditionsFor(db, ticket, ticket.account);
  const comparison = compareDeclared(ticket, ticket.account);
  const phoneField = effectFor(ticket).phoneField;
  const phone = phoneField ? (ticket.fields as Record<string, string>)[phoneField] : undefined;
  // The effect's statement, file names and the proposal's message may quote the customer: the same rule masks them.
  return presentPersonal(
    {
      ticketId,
      account: ticket.account ? presentAccount(ticket.account) : null,
      comparison,
      preconditions,
      phoneHolders: phone ? await phoneHoldersOf(db, phone) : null,
      summary: {
        mismatches: comparison.filter((c) => c.result === 'mismatch').length,
        preconditionsFailed: preconditions.filter((p) => !p.ok).length,
      },
      decision: await decisionPreview(db, ticket, viewer),
    },
    knownOf(ticket),
  );
}
