import type { AppContext } from '../context';
import type { TicketCreate } from '../contract/tickets';
import type { Agent } from '../generated/prisma/client';
import { bindOwnerOnFilingIn } from '../ownerProof/onFiling';
import { createTicketIn } from './createTicket';

/** An appeal filed by an agent (on the phone with the customer): the owner is told all the same; no proof of control comes with it. */
export async function fileByAgent(ctx: AppContext, input: TicketCreate, agent: Agent) {
  return ctx.db.$transaction(async (tx) => {
    const created = await createTicketIn(tx, { ...input, by: { actorType: 'agent', agentId: agent.id } }, ctx.config.identityHashKey);
    await bindOwnerOnFilingIn(tx, created, undefined, ctx.config.publicBaseUrl);
    return created;
  });
}
