import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../server/src/http/errors';
import { parseListQuery } from '../../server/src/http/listQuery';
import { ticketListSpec } from '../../server/src/tickets/listSpec';
import { mfaUnbindPayload } from './support/payloads';
import { createTestApp, signedInAs, type TestApp } from './support/testApp';

// Generated bad input, thousands of times: a clear 4xx at worst, never a 5xx, never a crash.
let t: TestApp;
let agent: Awaited<ReturnType<typeof signedInAs>>;

beforeAll(async () => {
  t = await createTestApp();
  agent = await signedInAs(t, 'agent');
});
afterAll(() => t.close());

const jsonish = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom('[', '{"id":', '["id"]', '[0,1e309]', '{"q":null}', '{"status":[[]]}', '{"__proto__":{"x":1}}'),
);

describe('the list-query parser', () => {
  it('answers any sort, range and filter with a query or a 400, nothing else', () => {
    fc.assert(
      fc.property(
        fc.record({ sort: fc.option(jsonish), range: fc.option(jsonish), filter: fc.option(jsonish) }, { requiredKeys: [] }),
        (query) => {
          try {
            const q = parseListQuery(query, ticketListSpec);
            expect(q.take).toBeGreaterThan(0);
            expect(q.take).toBeLessThanOrEqual(500);
          } catch (e) {
            expect(e).toBeInstanceOf(HttpError);
            expect((e as HttpError).status).toBe(400);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('never lets a filter name a column outside the spec', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue()), (filter) => {
        try {
          const q = parseListQuery({ filter: JSON.stringify(filter) }, ticketListSpec);
          const keys = JSON.stringify(q.where);
          for (const secret of ['accessTokenHash', 'fieldDigests', 'searchText"'])
            expect(keys.includes(secret) && !('q' in filter)).toBe(false);
        } catch (e) {
          expect((e as HttpError).status).toBe(400);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the HTTP routes', () => {
  it('GET /api/tickets with generated parameters answers 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ sort: jsonish, range: jsonish, filter: jsonish }, { requiredKeys: [] }), async (query) => {
        const res = await agent.client.get('/api/tickets').query(query);
        expect([200, 400]).toContain(res.status);
        expect(res.body).toBeTypeOf('object');
      }),
      { numRuns: 400 },
    );
  });

  it('POST /api/public/appeals with generated payloads never answers 5xx and writes nothing when refusing', async () => {
    const valid = mfaUnbindPayload();
    const mutated = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc
        .record({
          field: fc.constantFrom('loginAccount', 'accountId', 'realName', 'idNumber', 'currentPhone', 'extra'),
          value: fc.jsonValue(),
        })
        .map(({ field, value }) => JSON.stringify({ ...valid, fields: { ...valid.fields, [field]: value } })),
      fc
        .record({
          kind: fc.oneof(fc.string(), fc.constantFrom('toString', '__proto__', 'constructor', 'valueOf')),
          subjectType: fc.oneof(fc.string(), fc.constantFrom('toString', '__proto__')),
        })
        .map((k) => JSON.stringify({ ...valid, ...k })),
      fc.jsonValue().map((contact) => JSON.stringify({ ...valid, contact })),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async (payload) => {
        const before = await t.db.ticket.count();
        const res = await request(t.app).post('/api/public/appeals').field('payload', payload);
        expect(res.status).toBeLessThan(500);
        if (res.status !== 201) expect(await t.db.ticket.count()).toBe(before);
      }),
      { numRuns: 400 },
    );
  });

  it('GET /api/public/appeals/:reference with generated references and tokens answers 404 or 429, never more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (reference, token) => {
        const res = await request(t.app)
          .get(`/api/public/appeals/${encodeURIComponent(reference)}`)
          .set('Authorization', `Bearer ${token.replace(/[\r\n]/g, '')}`);
        expect([400, 404]).toContain(res.status);
      }),
      { numRuns: 400 },
    );
  });

  it('POST /api/auth/login with generated bodies answers 400 or 401', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify(body));
        expect([400, 401]).toContain(res.status);
      }),
      { numRuns: 400 },
    );
  });
});
