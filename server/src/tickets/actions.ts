import { Router } from 'express';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import { confirmSchema, decisionSchema } from '../contract/decisions';
import { assignSchema, bulkAssignSchema, bulkTransitionSchema, requestMaterialsSchema, transitionSchema } from '../contract/tickets';
import { notFound } from '../http/errors';
import { parseId, parseInput } from '../http/validate';
import { reviewOf } from '../review/reviewPage';
import { ticketForAgentsOr404 } from './agentView';
import { confirmDecision, decide } from './decision';
import { customerHistory } from './history';
import { assignTicket, eachTicket, moveTicket } from './moves';
import { requestMaterials } from './requestMaterials';

/** What agents do to tickets beyond editing them: move, assign (one or many), ask for materials, decide, and read the review and history. */
export function ticketActionRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  router.post('/bulk/transition', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const { ids, versions, to, reason } = parseInput(bulkTransitionSchema, req.body);
    res.json(await eachTicket(ids, (id) => moveTicket(db, id, to, agent, reason, versions?.[id])));
  });
  router.post('/bulk/assign', async (req, res) => {
    const agent = signedIn(req);
    const { ids, versions, agentId, reason } = parseInput(bulkAssignSchema, req.body);
    res.json(await eachTicket(ids, (id) => assignTicket(db, id, agentId, agent, reason, versions?.[id])));
  });
  router.get('/:id/review', async (req, res) => {
    authorize(signedIn(req).role, 'tickets.read');
    const review = await reviewOf(db, parseId(req.params.id), signedIn(req));
    if (!review) throw notFound('Ticket');
    res.json(review);
  });
  // Read as the ticket is read (not an audited reveal): every value in it is masked.
  router.get('/:id/history', async (req, res) => {
    authorize(signedIn(req).role, 'tickets.read');
    const history = await customerHistory(db, ctx.reader, parseId(req.params.id));
    if (!history) throw notFound('Ticket');
    res.json(history);
  });
  router.post('/:id/request-materials', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const id = parseId(req.params.id);
    await requestMaterials(ctx, id, agent, parseInput(requestMaterialsSchema, req.body));
    res.json(await ticketForAgentsOr404(db, id));
  });
  router.post('/:id/decision', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.decide');
    const id = parseId(req.params.id);
    const outcome = await decide(ctx, id, agent, parseInput(decisionSchema, req.body));
    res.status('pending' in outcome ? 202 : 200).json({ ...(await ticketForAgentsOr404(db, id)), outcome });
  });
  router.post('/:id/decision/confirm', async (req, res) => {
    const agent = signedIn(req);
    const id = parseId(req.params.id);
    const outcome = await confirmDecision(ctx, id, agent, parseInput(confirmSchema, req.body));
    res.json({ ...(await ticketForAgentsOr404(db, id)), outcome });
  });
  router.post('/:id/transition', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.update');
    const id = parseId(req.params.id);
    const { to, reason, version } = parseInput(transitionSchema, req.body);
    await moveTicket(db, id, to, agent, reason, version);
    res.json(await ticketForAgentsOr404(db, id));
  });
  router.post('/:id/assign', async (req, res) => {
    const agent = signedIn(req);
    const id = parseId(req.params.id);
    const { agentId, reason, version } = parseInput(assignSchema, req.body);
    await assignTicket(db, id, agentId, agent, reason, version);
    res.json(await ticketForAgentsOr404(db, id));
  });
  return router;
}
