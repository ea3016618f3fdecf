import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindKeys } from '../../server/src/catalog';
import { createTestApp, makeAgent, testPassword, type TestApp } from './support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('signs in with a session cookie that scripts cannot read, and /me answers with the agent', async () => {
    const agent = await makeAgent(t.db, 'supervisor', { name: '刘洋' });
    const client = request.agent(t.app);
    const res = await client.post('/api/auth/login').send({ email: agent.email.toUpperCase(), password: testPassword });
    expect(res.status).toBe(200);
    expect(res.body.agent).toMatchObject({ id: agent.id, name: '刘洋', role: 'supervisor' });
    expect(res.body.agent.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/hd_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.agent.email).toBe(agent.email);
  });

  it('stores only a digest of the session token', async () => {
    const agent = await makeAgent(t.db);
    const res = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    const token = /hd_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const sessions = await t.db.session.findMany({ where: { agentId: agent.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).not.toContain(token);
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps passwords as argon2id hashes', async () => {
    const agent = await makeAgent(t.db);
    expect(agent.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const agent = await makeAgent(t.db);
    const wrong = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: 'not it at all' });
    const unknown = await request(t.app).post('/api/auth/login').send({ email: 'nobody@test.example', password: 'not it at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
  });

  it('rejects a malformed body with a 400 naming the fields', async () => {
    const res = await request(t.app).post('/api/auth/login').send({ email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses a deactivated agent', async () => {
    const agent = await makeAgent(t.db, 'agent', { active: false });
    const res = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    expect(res.status).toBe(401);
  });
});

describe('sign-in lockout (seed 002: 3 a day, then slow down; over 10, an hour)', () => {
  it("rule: email login: 3 wrong passwords a day, then a captcha (here a slow-down, on agents' sign-in) — slows down after three wrong passwords, even for the right one", async () => {
    const agent = await makeAgent(t.db);
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app)
        .post('/api/auth/login')
        .send({ email: agent.email, password: `wrong ${i}` });
      expect(res.status).toBe(401);
    }
    const res = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('LOGIN_THROTTLED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("rule: email login: over 10 wrong passwords lock for 1 hour from the day's first failure — locks for an hour from the day's first failure once more than ten have failed", async () => {
    const agent = await makeAgent(t.db);
    const firstFailure = new Date(Date.now() - 10 * 60_000);
    // Ten failures already today, the last long enough ago that the slow-down has passed.
    await t.db.agent.update({
      where: { id: agent.id },
      data: { failedLogins: 10, failWindowAt: firstFailure, lastFailedAt: new Date(Date.now() - 5 * 60_000) },
    });
    const eleventh = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: 'wrong again' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.code).toBe('ACCOUNT_LOCKED');
    const locked = await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(locked.lockedUntil!.getTime()).toBe(firstFailure.getTime() + 3600_000);
    const right = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(40 * 60);
  });

  it("forgets yesterday's failures", async () => {
    const agent = await makeAgent(t.db);
    await t.db.agent.update({
      where: { id: agent.id },
      data: { failedLogins: 9, failWindowAt: new Date(Date.now() - 25 * 3600_000), lastFailedAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const res = await request(t.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    expect(res.status).toBe(200);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the same cookie no longer works', async () => {
    const agent = await makeAgent(t.db);
    const client = request.agent(t.app);
    await client.post('/api/auth/login').send({ email: agent.email, password: testPassword });
    const cookie = await t.db.session.count({ where: { agentId: agent.id } });
    expect(cookie).toBe(1);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await t.db.session.count({ where: { agentId: agent.id } })).toBe(0);
    expect((await client.get('/api/tickets')).status).toBe(401);
  });

  it('refuses an expired session', async () => {
    const agent = await makeAgent(t.db);
    const client = request.agent(t.app);
    await client.post('/api/auth/login').send({ email: agent.email, password: testPassword });
    await t.db.session.updateMany({ where: { agentId: agent.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});

describe('routes without a session', () => {
  const agentRoutes = [
    'tickets',
    'accounts',
    'agents',
    'evidence',
    'events',
    'messages',
    'macros',
    'notifications',
    'holidays',
    'rejection-reasons',
    'files/1',
    'files/1/preview',
    'stats/overview',
    'tickets/1/review',
  ];

  it.each(agentRoutes)('GET /api/%s answers 401 with a JSON error', async (resource) => {
    const res = await request(t.app).get(`/api/${resource}`);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it.each([
    ['post', '/api/tickets'],
    ['put', '/api/tickets/1'],
    ['delete', '/api/tickets/1'],
    ['post', '/api/tickets/1/transition'],
    ['get', '/api/stats/overview'],
    ['post', '/api/tickets/1/decision'],
    ['post', '/api/tickets/1/request-materials'],
    ['post', '/api/tickets/bulk/assign'],
    ['put', '/api/evidence/1'],
    ['post', '/api/privacy/export'],
    ['post', '/api/privacy/erase'],
    ['get', '/api/no-such-route'],
    ['post', '/api/auth/totp/setup'],
    ['post', '/api/auth/totp/enable'],
    ['post', '/api/auth/totp/disable'],
    ['post', '/api/agents/1/unlock'],
    ['post', '/api/agents/1/totp/reset'],
  ] as const)('%s %s answers 401', async (method, url) => {
    const res = await request(t.app)[method](url).send({});
    expect(res.status).toBe(401);
  });

  it('GET /api/health and the public catalog need no session', async () => {
    expect((await request(t.app).get('/api/health')).body).toEqual({ status: 'ok' });
    const catalog = await request(t.app).get('/api/public/catalog');
    expect(catalog.status).toBe(200);
    expect(catalog.body.kinds).toHaveLength(kindKeys.length);
  });

  it('an unknown public route is a 404, not a 401', async () => {
    const res = await request(t.app).get('/api/public/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('cross-site request forgery', () => {
  it('refuses a state-changing request from another site, even with a valid session cookie', async () => {
    const agent = await makeAgent(t.db);
    const client = request.agent(t.app);
    await client.post('/api/auth/login').send({ email: agent.email, password: testPassword }).expect(200);
    const forged = await client
      .post('/api/messages')
      .set('Origin', 'https://evil.example')
      .send({ ticketId: 1, kind: 'internal_note', body: 'x' });
    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe('CSRF_ORIGIN');
    const enrol = await client.post('/api/auth/totp/setup').set('Origin', 'https://evil.example');
    expect(enrol.status).toBe(403);
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).totpPendingSecret).toBeNull();
    const fetchMetadata = await client.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site');
    expect(fetchMetadata.status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('lets the console itself and the configured dev origin through', async () => {
    const agent = await makeAgent(t.db);
    const client = request.agent(t.app);
    await client
      .post('/api/auth/login')
      .set('Origin', 'http://localhost:5173')
      .send({ email: agent.email, password: testPassword })
      .expect(200);
    const res = await client.post('/api/auth/logout').set('Host', 'helpdesk.example').set('Origin', 'http://helpdesk.example');
    expect(res.status).toBe(204);
  });
});

describe('security headers on the pages', () => {
  it.each(['/', '/appeal', '/appeal/status', '/api/health'])(
    '%s carries a Content-Security-Policy and the other helmet headers',
    async (url) => {
      const { createApp } = await import('../../server/src/app');
      const app = createApp(
        { db: t.db, reader: t.reader, config: t.config, log: (await import('pino')).pino({ level: 'silent' }), store: t.store },
        { serveConsole: true },
      );
      const res = await request(app).get(url);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );
});
