import { Router } from 'express';
import { z } from 'zod';
import { signedIn } from '../auth/middleware';
import { authorize } from '../auth/policy';
import { sessionIdOf } from '../auth/sessions';
import type { AppContext } from '../context';
import { unauthorized } from '../http/errors';
import { parseId, parseInput } from '../http/validate';
import type { LiveHub } from './hub';
import { presenceSchema } from '../contract/presence';
import { beat, leave, presenceNow } from './presence';
import { bellFor, markRead } from './unread';

// A read mark is always the signed-in agent's own: the body names nobody.
export const readSchema = z.object({}).strict();

/** The live stream, presence heartbeats, read marks and the bell: behind requireAgent, like every agent route. */
export function liveRoutes(ctx: AppContext, hub: LiveHub): Router {
  const { db } = ctx;
  const router = Router();

  router.get('/live', (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.read');
    if (!req.sessionToken) throw unauthorized();
    hub.subscribe(res, agent.id, sessionIdOf(req.sessionToken));
  });
  router.get('/live/unread', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.read');
    res.json(await bellFor(db, ctx.reader, agent.id));
  });
  router.put('/tickets/:id/presence', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.read');
    const id = parseId(req.params.id);
    const { mode } = parseInput(presenceSchema, req.body ?? {});
    await beat(db, id, agent.id, mode);
    res.json({ ticketId: id, agents: (await presenceNow(db, [id])).get(id) ?? [] });
  });
  router.delete('/tickets/:id/presence', async (req, res) => {
    const agent = signedIn(req);
    const id = parseId(req.params.id);
    await leave(db, id, agent.id);
    res.json({ ticketId: id, agents: (await presenceNow(db, [id])).get(id) ?? [] });
  });
  router.put('/tickets/:id/read', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, 'tickets.read');
    const id = parseId(req.params.id);
    parseInput(readSchema, req.body ?? {});
    res.json(await markRead(db, agent.id, id));
  });
  return router;
}
