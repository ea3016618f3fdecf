import express, { Router } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OpenApiDocument } from '../../server/src/openapi/document';
import { openApiDocument } from '../../server/src/openapi/route';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

type Route = { method: string; path: string };
type Layer = { rawPath?: unknown; route?: { path: unknown; methods: Record<string, boolean> }; handle: unknown };

const stackOf = (handle: unknown): Layer[] | undefined =>
  typeof handle === 'function' && 'stack' in handle && Array.isArray(handle.stack) ? (handle.stack as Layer[]) : undefined;

// Express 5 keeps each layer's path as it was given (router 2.x `rawPath`): a mount's prefix is read back, never parsed out of a regexp.
function pathsOf(raw: unknown): string[] {
  const paths = Array.isArray(raw) ? raw : [raw];
  return paths.map((p) => {
    if (typeof p !== 'string') throw new Error(`A route or mount path that is not a string: ${String(p)}`);
    return p === '/' ? '' : p;
  });
}

/** Every method + path the app's router stack answers, nested routers included, in OpenAPI style (`{id}`). */
function routesOf(app: { router: unknown }): { routes: Route[]; fallbacks: string[] } {
  const routes: Route[] = [];
  const fallbacks: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of pathsOf(layer.route.path)) {
          const full = (prefix + path || '/').replace(/:(\w+)/g, '{$1}');
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (!on) continue;
            if (method === '_all') fallbacks.push(full);
            else routes.push({ method, path: full });
          }
        }
        continue;
      }
      const nested = stackOf(layer.handle);
      if (nested) for (const mount of pathsOf(layer.rawPath)) walk(nested, prefix + mount);
    }
  };
  walk(stackOf(app.router) ?? [], '');
  return { routes: routes.filter((r) => r.path.startsWith('/api/')), fallbacks: fallbacks.filter((p) => p.startsWith('/api/')) };
}

const documented = (doc: OpenApiDocument): Route[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method, path })));

const key = (r: Route) => `${r.method.toUpperCase()} ${r.path}`;
const missingFrom = (from: Route[], of: Route[]) => {
  const have = new Set(from.map(key));
  return of.map(key).filter((k) => !have.has(k));
};

let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document, public, with unique operation ids and every path parameter declared', async () => {
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    doc = res.body as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    // Built once per process: the route answers the very document the module holds.
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(openApiDocument()).toBe(openApiDocument());

    const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.values(item).map((op) => ({ path, op })));
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, op } of ops) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = op.parameters
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      expect(declared, `${op.operationId} ${path}`).toEqual(inPath);
      expect(Object.keys(op.responses).length, op.operationId).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses)) {
        // 4xx only: the health check's 503 answers its own `{status}`.
        if (Number(status) >= 400 && Number(status) < 500)
          expect(response.content?.['application/json']?.schema, `${op.operationId} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
      }
    }
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['code', 'message'] });
  });

  it('describes every route the app answers under /api, and no route it does not', () => {
    const { routes, fallbacks } = routesOf(t.app);
    expect(routes.length).toBeGreaterThan(50);
    const ops = documented(openApiDocument());
    expect(missingFrom(ops, routes), 'routes the document lacks').toEqual([]);
    expect(missingFrom(routes, ops), 'operations no route answers').toEqual([]);
    // A list resource's 405 for the methods it does not take is no operation, but its path is one the document has.
    expect(fallbacks.filter((p) => !(p in openApiDocument().paths))).toEqual([]);
  });

  it('would notice a route nobody documented, however deeply mounted', () => {
    const app = express();
    const inner = Router();
    inner.get('/:id/secret', (_req, res) => void res.end());
    const outer = Router();
    outer.use('/tickets', inner);
    app.use('/api', outer);
    expect(missingFrom(documented(openApiDocument()), routesOf(app).routes)).toEqual(['GET /api/tickets/{id}/secret']);
  });

  it('takes the decision body the server takes: what the route refuses as invalid, the document refuses too', async () => {
    const admin = await signedInAs(t, 'admin');
    const created = await admin.client.post('/api/tickets').send(mfaUnbindPayload());
    expect(created.status).toBe(201);
    const op = openApiDocument().paths['/api/tickets/{id}/decision']?.post;
    const schema = op?.requestBody?.content['application/json']?.schema;
    expect(schema).toMatchObject({ type: 'object', required: ['decision', 'message'] });
    const documentSays = z.fromJSONSchema(schema!);
    const properties = Object.keys((schema as { properties: object }).properties);

    const refused = [
      {},
      { message: 'No' },
      { decision: 'maybe', message: 'No' },
      { decision: 'reject', message: '' },
      { decision: 'reject', message: 'x'.repeat(5001) },
      { decision: 'reject', message: 'No', version: 0 },
      { decision: 'reject', message: 'No', override: 'yes' },
    ];
    for (const body of refused) {
      const res = await admin.client.post(`/api/tickets/${created.body.id}/decision`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('INVALID_INPUT');
      expect(properties).toEqual(expect.arrayContaining(Object.keys(res.body.errors)));
      expect(documentSays.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    // A body the document takes gets past validation: whatever the server answers next, it is not a refused input.
    const taken = { decision: 'reject', message: 'We could not confirm the account is yours', reasonCode: 'no_such_reason' };
    expect(documentSays.safeParse(taken).success).toBe(true);
    const res = await admin.client.post(`/api/tickets/${created.body.id}/decision`).send(taken);
    expect(res.body.code).not.toBe('INVALID_INPUT');
  });

  it("documents a list's filter from its ListSpec: an unknown filter is refused by both", async () => {
    const agent = await signedInAs(t, 'agent');
    const filter = openApiDocument().paths['/api/tickets']?.get?.parameters.find((p) => p.name === 'filter');
    const documentSays = z.fromJSONSchema(filter!.content!['application/json']!.schema);
    for (const [value, ok] of [
      [{ status: 'new', assigneeId: null, id_gte: 1, q: 'AP' }, true],
      [{ nope: 1 }, false],
      [{ assigneeId: 'me' }, false],
    ] as const) {
      const res = await agent.client.get('/api/tickets').query({ filter: JSON.stringify(value) });
      expect(res.status, JSON.stringify(value)).toBe(ok ? 200 : 400);
      expect(documentSays.safeParse(value).success, JSON.stringify(value)).toBe(ok);
    }
    const list = await agent.client.get('/api/tickets');
    expect(list.headers['content-range']).toMatch(/^tickets /);
    expect(openApiDocument().paths['/api/tickets']?.get?.responses['200']?.headers).toHaveProperty('Content-Range');
  });
});
