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
  const readOnly = () => methodNotAllowed(`${resource.label} cannot be changed through this route`);

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

  router.post('/', async (req, res) => {
    if (!resource.create) throw readOnly();
    const agent = signedIn(req);
    authorize(agent.role, resource.create.action);
    res.status(201).json(await resource.create.handle({ id: 0, body: req.body, agent, req }));
  });

  router.put('/:id', async (req, res) => {
    if (!resource.update) throw readOnly();
    const agent = signedIn(req);
    authorize(agent.role, resource.update.action);
    res.json(await resource.update.handle({ id: parseId(req.params.id), body: req.body, agent, req }));
  });

  router.delete('/:id', async (req, res) => {
    if (!resource.remove) throw readOnly();
    const agent = signedIn(req);
    authorize(agent.role, resource.remove.action);
    res.json(await resource.remove.handle({ id: parseId(req.params.id), body: req.body, agent, req }));
  });

  return router;
}
