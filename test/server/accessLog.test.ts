import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { accessLog } from '../../server/src/http/accessLog';
import { errorHandler } from '../../server/src/http/errors';
import { createDemoTestApp, makeAgent, testPassword, type TestApp } from './support/testApp';

type Line = { level: number; msg: string; req?: { method: string; path: string }; res?: { statusCode: number } };

function capturingLogger(level: pino.Level) {
  const lines: Line[] = [];
  const log = pino({ level }, { write: (s: string) => void lines.push(JSON.parse(s) as Line) });
  return { log, lines };
}

let t: TestApp;
beforeAll(async () => {
  t = await createDemoTestApp();
}, 60_000);
afterAll(() => t.close());

async function signedInClient(app: express.Express) {
  const agent = await makeAgent(t.db);
  const client = request.agent(app);
  await client.post('/api/auth/login').send({ email: agent.email, password: testPassword }).expect(200);
  return client;
}

describe('the access log', () => {
  it('writes method, path and status, and never the search terms or the session cookie', async () => {
    const { log, lines } = capturingLogger('info');
    const app = createApp({ ...t, log });
    const client = await signedInClient(app);
    const phone = (await t.db.ticket.findFirstOrThrow({ where: { contactPhone: { not: null } } })).contactPhone!;
    lines.length = 0;
    await client
      .get('/api/tickets')
      .query({ filter: JSON.stringify({ q: phone.slice(3, 9) }), range: '[0,24]' })
      .expect(200);
    await request(app).get('/api/health').expect(200);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', path: '/api/tickets' },
      res: { statusCode: 200 },
    });
    const written = JSON.stringify(lines[0]);
    expect(written).not.toContain(phone.slice(3, 9));
    expect(written).not.toMatch(/hd_session|cookie/i);
  });

  it('writes nothing below its level, and server errors at error level', async () => {
    const { log, lines } = capturingLogger('warn');
    const app = express();
    app.use(accessLog(log));
    app.get('/fine', (_req, res) => void res.json({ ok: true }));
    app.get('/broken', () => {
      throw new Error('disk on fire');
    });
    app.use(errorHandler(pino({ level: 'silent' })));
    await request(app).get('/fine').expect(200);
    await request(app).get('/broken?token=secret').expect(500);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, req: expect.objectContaining({ method: 'GET', path: '/broken' }), res: { statusCode: 500 } }),
    ]);
  });
});

describe('caching of answers', () => {
  it('lets no cache keep what agents read, and sends no validator for it', async () => {
    const client = await signedInClient(t.app);
    const ticket = await t.db.ticket.findFirstOrThrow();
    for (const url of ['/api/tickets', `/api/tickets/${ticket.id}`, '/api/auth/me', '/api/accounts']) {
      const res = await client.get(url).expect(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers.etag, url).toBeUndefined();
    }
  });

  it('still lets the public catalog be cached for five minutes', async () => {
    const res = await request(t.app).get('/api/public/catalog').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });
});
