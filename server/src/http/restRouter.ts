import { Router, type Request } from 'express';
import type { Agent } from '../generated/prisma/client';
import { authorize, type Action } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import { methodNotAllowed, notFound } from './errors';
import { contentRange, parseListQuery, type ListQuery, type ListSpec } from './listQuery';
import { parseId } from './validate';

type Write<T> = { action: Action; handle: (input: { id: number; body: unknown; agent: Agent; req: Request }) => Promise<T> };

export type RestResource<T> = {
  name: string;
  label: string;
  spec: ListSpec;
  read: Action;
  /** totalIsLowerBound: the total counts only the matches a capped search returned; there are more. */
  list: (query: ListQuery, agent: Agent) => Promise<{ rows: T[]; total: number; totalIsLowerBound?: boolean }>;
  getOne: (id: number, agent: Agent) => Promise<T | null>;
  create?: Write<T>;
  update?: Write<T>;
  remove?: Write<T>;
};

/** The ra-data-simple-rest contract for one resource: list, getOne, create, update, delete. */
export function restRouter<T>(resource: RestResource<T>): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, resource.read);
    const query = parseListQuery(req.query, resource.spec);
    const { rows, total, totalIsLowerBound } = await resource.list(query, agent);
    res.set('Content-Range', contentRange(resource.name, query.start, rows.length, total));
    if (totalIsLowerBound) res.set('X-Total-Is-Lower-Bound', 'true');
    res.set('Access-Control-Expose-Headers', 'Content-Range, X-Total-Is-Lower-Bound');
    res.json(rows);
  });

  router.get('/:id', async (req, res) => {
    const agent = signedIn(req);
    authorize(agent.role, resource.read);
    const row = await resource.getOne(parseId(req.params.id), agent);
    if (!row) throw notFound(resource.label);
    res.json(row);
  });

  const create = resource.create;
  if (create) {
    router.post('/', async (req, res) => {
      const agent = signedIn(req);
      authorize(agent.role, create.action);
      res.status(201).json(await create.handle({ id: 0, body: req.body, agent, req }));
    });
  }

  const update = resource.update;
  if (update) {
    router.put('/:id', async (req, res) => {
      const agent = signedIn(req);
      authorize(agent.role, update.action);
      res.json(await update.handle({ id: parseId(req.params.id), body: req.body, agent, req }));
    });
  }

  const remove = resource.remove;
  if (remove) {
    router.delete('/:id', async (req, res) => {
      const agent = signedIn(req);
      authorize(agent.role, remove.action);
      res.json(await remove.handle({ id: parseId(req.params.id), body: req.body, agent, req }));
    });
  }

  // Only the writes a resource takes are routes (and operations in the API document, server/src/openapi);
  // any other method on its paths answers 405.
  router.all(['/', '/:id'], () => {
    throw methodNotAllowed(`${resource.label} cannot be changed this way`);
  });

  return router;
}
