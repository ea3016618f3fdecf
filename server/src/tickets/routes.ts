import { Router } from 'express';
import type { AppContext } from '../context';
import { restRouter } from '../http/restRouter';
import { ticketActionRoutes } from './actions';
import { ticketResource } from './crud';

/** /api/tickets: the actions first, so `/bulk/…` is never read as a ticket id. */
export function ticketRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(ticketActionRoutes(ctx));
  router.use(restRouter(ticketResource(ctx)));
  return router;
}
