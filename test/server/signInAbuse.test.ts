import argon2 from 'argon2';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoTestApp, createTestApp, makeAgent, signedInAs, testPassword, type TestApp } from './support/testApp';

// The sign-in guesser of docs/security.md: parallel guesses, enumeration of agents' emails, lockouts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const login = (body: object) => request(t.app).post('/api/auth/login').send(body);
/** What an attacker reads of an answer: the status, the body, and how long to wait. */
const seen = (res: request.Response) => ({
  status: res.status,
  body: res.body as Record<string, unknown>,
  retryAfter: res.headers['retry-after'] as string | undefined,
});
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('60 parallel wrong passwords', () => {
  it('check at most 11 passwords with argon2 (the count is taken before the check), then refuse the rest', async () => {
    const agent = await makeAgent(t.db);
    const verify = vi.spyOn(argon2, 'verify');
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login({ email: agent.email, password: `wrong guess ${i}` })));
    const checks = verify.mock.calls.length;
    expect(checks).toBeLessThanOrEqual(11);
    expect(checks).toBeGreaterThan(0);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checks);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checks);
    // Every checked guess is on the count: none was lost to a parallel write.
    const row = await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.failedLogins).toBe(checks);
    // The right password is refused too until the slow-down has passed.
    expect((await login({ email: agent.email, password: testPassword })).status).toBe(429);
  });

  it('get the same answers for an email no agent has, with the same number of argon2 checks burnt', async () => {
    const agent = await makeAgent(t.db);
    const attack = async (email: string) => {
      const verify = vi.spyOn(argon2, 'verify');
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login({ email, password: `wrong guess ${i}` })));
      const checks = verify.mock.calls.length;
      verify.mockRestore();
      return { checks, statuses: tally(answers.map((a) => a.status)), codes: [...new Set(answers.map((a) => a.body.code))].sort() };
    };
    const known = await attack(agent.email);
    const unknown = await attack('no.such.agent@test.example');
    expect(unknown).toEqual(known);
    expect(known.codes).toEqual(['INVALID_CREDENTIALS', 'LOGIN_THROTTLED']);
  });
});

describe("an unknown or inactive email answers exactly like an agent's, step by step", () => {
  it('through the free tries, every slow-down, the lock and its end', async () => {
    const agent = await makeAgent(t.db);
    const inactive = await makeAgent(t.db, 'agent', { active: false });
    const emails = { agent: agent.email, inactive: inactive.email, unknown: 'nobody.here@test.example' };
    let now = Date.now();
    vi.setSystemTime(now);
    const step = async (password = 'a wrong password') => {
      const answers = await Promise.all(Object.values(emails).map((email) => login({ email, password }).then(seen)));
      const [first, ...others] = answers;
      for (const other of others) expect(other).toEqual(first);
      return first!;
    };

    const codes: string[] = [];
    for (let i = 0; i < 40 && !codes.includes('ACCOUNT_LOCKED'); i += 1) {
      const answer = await step();
      codes.push(String(answer.body.code));
      // Wait out every slow-down, as a patient guesser would; the next try is then checked again.
      if (answer.body.code === 'LOGIN_THROTTLED') now += Number(answer.retryAfter) * 1000;
      else now += 1000;
      vi.setSystemTime(now);
    }
    // Three free tries, slow-downs after each further one, and the lock on the eleventh failure.
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(10);
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED');
    expect(codes.slice(0, 3)).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);

    // While locked, even the agent's right password is answered like the others' wrong ones.
    now += 10 * 60_000;
    vi.setSystemTime(now);
    const locked = await Promise.all([
      login({ email: agent.email, password: testPassword }),
      login({ email: emails.unknown, password: testPassword }),
    ]);
    expect(seen(locked[0])).toEqual(seen(locked[1]));
    expect(locked[0].body.code).toBe('ACCOUNT_LOCKED');

    // An hour after the first failure the lock ends, and the next wrong try locks again, for everyone alike.
    now += 60 * 60_000;
    vi.setSystemTime(now);
    const again = await step();
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(again.retryAfter)).toBe(3600);
  });

  it('keeps no email in the clear for unknown sign-ins', async () => {
    await login({ email: 'someone.unknown@test.example', password: 'a wrong password' });
    const rows = await t.db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('someone.unknown');
  });
});

describe('per-address limit on POST /api/auth/login', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ LOGIN_ATTEMPTS_PER_ADDRESS: '5', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => limited.close());

  it('refuses the address once it has tried 5 sign-ins, whatever the emails, even a right password', async () => {
    const agent = await makeAgent(limited.db);
    for (let i = 0; i < 5; i += 1) {
      const res = await request(limited.app)
        .post('/api/auth/login')
        .send({ email: `spray${i}@test.example`, password: 'a wrong password' });
      expect(res.status).toBe(401);
    }
    const sixth = await request(limited.app).post('/api/auth/login').send({ email: agent.email, password: testPassword });
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('RATE_LIMITED');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    const elsewhere = await request(limited.app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: agent.email, password: testPassword });
    expect(elsewhere.status).toBe(200);
  });
});

describe('POST /api/agents/:id/unlock', () => {
  it('lets an admin lift a lock, recorded as an event; the agent then signs in', async () => {
    const { agent: admin, client } = await signedInAs(t, 'admin');
    const agent = await makeAgent(t.db);
    await t.db.agent.update({
      where: { id: agent.id },
      data: { failedLogins: 11, failWindowAt: new Date(), lastFailedAt: new Date(), lockedUntil: new Date(Date.now() + 3600_000) },
    });
    expect((await login({ email: agent.email, password: testPassword })).body.code).toBe('ACCOUNT_LOCKED');
    const listed = await client.get(`/api/agents/${agent.id}`);
    expect(listed.body.lockedUntil).toEqual(expect.any(String));

    const res = await client.post(`/api/agents/${agent.id}/unlock`);
    expect(res.status).toBe(200);
    expect(res.body.lockedUntil).toBeNull();
    expect((await login({ email: agent.email, password: testPassword })).status).toBe(200);
    const events = await t.db.event.findMany({ where: { type: 'agent.unlocked', agentId: admin.id } });
    expect(events.map((e) => e.data)).toEqual([{ agentId: agent.id }]);
  });

  it('is for admins only', async () => {
    const { client } = await signedInAs(t, 'supervisor');
    const agent = await makeAgent(t.db);
    await t.db.agent.update({ where: { id: agent.id }, data: { lockedUntil: new Date(Date.now() + 3600_000) } });
    expect((await client.post(`/api/agents/${agent.id}/unlock`)).status).toBe(403);
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).lockedUntil).not.toBeNull();
  });

  it('a password reset by an admin clears the lock too', async () => {
    const { client } = await signedInAs(t, 'admin');
    const agent = await makeAgent(t.db);
    await t.db.agent.update({
      where: { id: agent.id },
      data: { failedLogins: 11, failWindowAt: new Date(), lastFailedAt: new Date(), lockedUntil: new Date(Date.now() + 3600_000) },
    });
    const newPassword = 'violet ferry lantern orbit';
    const res = await client.put(`/api/agents/${agent.id}`).send({ password: newPassword });
    expect(res.status).toBe(200);
    expect((await login({ email: agent.email, password: newPassword })).status).toBe(200);
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).passwordChangedAt).not.toBeNull();
  });
});

describe('password policy (POST and PUT /api/agents)', () => {
  const newAgent = (password: string, email = `new-${Math.random().toString(36).slice(2)}@test.example`) => ({
    email,
    name: '新同事',
    role: 'agent',
    password,
  });

  it.each([
    ['shorter than 12 characters', 'Xk7#pq2!', '至少需要 12 个字符'],
    ['common', 'password1234', '太常见或容易被猜到'],
    ['a keyboard walk', 'qwertyuiop123', '太常见或容易被猜到'],
    ["the agent's name", '新同事新同事新同事新同事', '太常见或容易被猜到'],
  ])("refuses a password that is %s, in the admin's language", async (_what, password, text) => {
    const { client } = await signedInAs(t, 'admin');
    const res = await client.post('/api/agents').send(newAgent(password));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(res.body.errors.password).toContain(text);
  });

  it('refuses the email itself, in English for an English-speaking admin', async () => {
    const { agent: admin, client } = await signedInAs(t, 'admin');
    await t.db.agent.update({ where: { id: admin.id }, data: { locale: 'en' } });
    const email = 'long.enough.address@test.example';
    const res = await client.post('/api/agents').send(newAgent(email, email));
    expect(res.status).toBe(400);
    expect(res.body.errors.password).toBe('The password cannot be the email address');
  });

  it("refuses a guessable password on a reset too, judged against the agent's own email and name", async () => {
    const { client } = await signedInAs(t, 'admin');
    const agent = await t.db.agent.create({
      data: { email: 'margaret.hamilton@test.example', name: 'Margaret Hamilton', role: 'agent', passwordHash: 'x' },
    });
    const res = await client.put(`/api/agents/${agent.id}`).send({ password: 'margarethamilton' });
    expect(res.status).toBe(400);
    expect(res.body.errors.password).toEqual(expect.any(String));
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).passwordHash).toBe('x');
  });

  it("accepts a long phrase of unrelated words and the test helpers' password", async () => {
    const { client } = await signedInAs(t, 'admin');
    expect((await client.post('/api/agents').send(newAgent('violet ferry lantern orbit'))).status).toBe(201);
    expect((await client.post('/api/agents').send(newAgent(testPassword))).status).toBe(201);
  });

  it('refuses the demo password on a production desk', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      IDENTITY_HASH_KEY: 'production-identity-key-0123456789',
      REQUIRE_2FA: '',
      OUTBOX_DIR: 'data/outbox',
      COOKIE_SECURE: 'false',
    });
    try {
      const { client } = await signedInAs(production, 'admin');
      const res = await client.post('/api/agents').send(newAgent('helpdesk-demo'));
      expect(res.status).toBe(400);
      expect(res.body.errors.password).toBe('正式环境不能使用演示密码');
    } finally {
      await production.close();
    }
  });

  it('leaves the seeded demo sign-in working in development', async () => {
    const demo = await createDemoTestApp();
    try {
      const res = await request(demo.app).post('/api/auth/login').send({ email: 'agent@example.com', password: 'helpdesk-demo' });
      expect(res.status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
