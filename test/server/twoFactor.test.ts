import { Secret, TOTP, URI } from 'otpauth';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createTestApp, makeAgent, signedInAs, testPassword, type TestApp } from './support/testApp';

// Agents' two-factor sign-in (RFC 6238), attacked through the HTTP API as docs/security.md asks.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ REQUIRE_2FA: 'supervisor,admin' });
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const step = 30_000;
/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * step });
/** Moves the clock on by whole steps, as waiting for the app's next code would. */
let clock = Date.now();
const later = (steps = 1) => {
  clock += steps * step;
  vi.setSystemTime(clock);
};

const login = (body: object) => request(t.app).post('/api/auth/login').send(body);

/** An agent of `role` enrolled through the API: their email, the secret, the recovery codes and the signed-in client. */
async function enrolled(role: 'agent' | 'supervisor' | 'admin' = 'agent') {
  clock = Date.now();
  vi.setSystemTime(clock);
  const { agent, client } = await signedInAs(t, role);
  const setup = await client.post('/api/auth/totp/setup');
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const enable = await client.post('/api/auth/totp/enable').send({ code: codeAt(secret) });
  expect(enable.status).toBe(200);
  later();
  return { agent, client, secret, recoveryCodes: enable.body.recoveryCodes as string[] };
}

describe('POST /api/auth/totp/setup and /enable', () => {
  it("rule: MFA code: 6 digits every 30 s, one device per account (agents' two-factor) — enrols with a secret, an otpauth:// address and a QR code, and answers ten recovery codes once", async () => {
    const { agent, client } = await signedInAs(t, 'agent');
    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(setup.body.otpauthUrl) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.secret.base32).toBe(setup.body.secret);
    expect(parsed.label).toBe(agent.email);
    expect(parsed.digits).toBe(6);
    expect(parsed.period).toBe(30);
    expect(setup.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    // Not yet on: signing in still needs no code.
    expect((await login({ email: agent.email, password: testPassword })).status).toBe(200);

    const wrong = await client.post('/api/auth/totp/enable').send({ code: '000000' === codeAt(setup.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('TOTP_INVALID');

    const enable = await client.post('/api/auth/totp/enable').send({ code: codeAt(setup.body.secret) });
    expect(enable.status).toBe(200);
    expect(enable.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enable.body.recoveryCodes).size).toBe(10);
    expect(enable.body.agent.twoFactor).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    const me = await client.get('/api/auth/me');
    expect(me.body.agent.twoFactor).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect(JSON.stringify(me.body)).not.toContain(setup.body.secret);
    expect((await client.post('/api/auth/totp/setup')).body.code).toBe('TOTP_ALREADY_ENABLED');
    const events = await t.db.event.findMany({ where: { agentId: agent.id, type: 'agent.totp_enabled' } });
    expect(events).toHaveLength(1);
  });

  it('keeps the secret encrypted and the recovery codes only as hashes', async () => {
    const { agent, secret, recoveryCodes } = await enrolled();
    const row = await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    const stored = JSON.stringify(row);
    expect(row.totpSecret).toBeTruthy();
    expect(row.totpPendingSecret).toBeNull();
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(Buffer.from(Secret.fromBase32(secret).bytes).toString('base64'));
    expect(stored).not.toContain(Buffer.from(Secret.fromBase32(secret).bytes).toString('hex'));
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace(/-/g, ''));
    }
    expect(row.recoveryCodes).toHaveLength(10);
    // Under another server key the box does not open: sign-in with a right code then fails.
    const other = await createTestApp({ TOTP_ENCRYPTION_KEY: 'another-totp-encryption-key-0123' });
    try {
      const copy = await other.db.agent.create({
        data: {
          email: agent.email,
          name: agent.name,
          role: agent.role,
          passwordHash: row.passwordHash,
          totpSecret: row.totpSecret,
          totpEnabledAt: row.totpEnabledAt,
          recoveryCodes: row.recoveryCodes ?? [],
        },
      });
      expect(copy.id).toBeGreaterThan(0);
      const res = await request(other.app)
        .post('/api/auth/login')
        .send({ email: agent.email, password: testPassword, totp: codeAt(secret) });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('signing in with two-factor on', () => {
  it('asks for the code only once the password is right, and a wrong password answers as ever', async () => {
    const { agent } = await enrolled();
    const noCode = await login({ email: agent.email, password: testPassword });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('TOTP_REQUIRED');
    expect(noCode.headers['set-cookie']).toBeUndefined();

    const wrong = await login({ email: agent.email, password: 'not the password' });
    const unknown = await login({ email: 'nobody.at.all@test.example', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    // A code with a wrong password says nothing about the code either.
    const withCode = await login({ email: agent.email, password: 'not the password', totp: '123456' });
    expect(withCode.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('signs in with the current code and refuses the same code replayed', async () => {
    const { agent, secret } = await enrolled();
    const code = codeAt(secret);
    const first = await login({ email: agent.email, password: testPassword, totp: code });
    expect(first.status).toBe(200);
    expect(String(first.headers['set-cookie'])).toMatch(/hd_session=/);
    const replay = await login({ email: agent.email, password: testPassword, totp: code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('TOTP_INVALID');
    expect(replay.headers['set-cookie']).toBeUndefined();
    later();
    expect((await login({ email: agent.email, password: testPassword, totp: codeAt(secret) })).status).toBe(200);
  });

  it('accepts one code once even when it is sent twice at the same moment', async () => {
    const { agent, secret } = await enrolled();
    const code = codeAt(secret);
    const answers = await Promise.all([1, 2, 3].map(() => login({ email: agent.email, password: testPassword, totp: code })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await t.db.session.count({ where: { agentId: agent.id } })).toBe(2);
  });

  it('refuses a code of an earlier step than the last accepted one', async () => {
    const { agent, secret } = await enrolled();
    const current = codeAt(secret);
    const previous = codeAt(secret, -1);
    expect((await login({ email: agent.email, password: testPassword, totp: current })).status).toBe(200);
    expect((await login({ email: agent.email, password: testPassword, totp: previous })).body.code).toBe('TOTP_INVALID');
  });

  it('signs in with a recovery code once, then refuses it', async () => {
    const { agent, client, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    const first = await login({ email: agent.email, password: testPassword, recoveryCode: code.toUpperCase() });
    expect(first.status).toBe(200);
    const again = await login({ email: agent.email, password: testPassword, recoveryCode: code });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('RECOVERY_CODE_INVALID');
    expect((await client.get('/api/auth/me')).body.agent.twoFactor.recoveryCodesLeft).toBe(9);
    expect(await t.db.event.count({ where: { agentId: agent.id, type: 'agent.recovery_code_used' } })).toBe(1);
  });

  it('spends a recovery code once even when it is sent in parallel', async () => {
    const { agent, recoveryCodes } = await enrolled();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => login({ email: agent.email, password: testPassword, recoveryCode: recoveryCodes[0] })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await t.db.session.count({ where: { agentId: agent.id } })).toBe(2);
  });

  it('counts wrong codes as failures: the sign-in slows down and then locks', async () => {
    const { agent, secret } = await enrolled();
    const wrong = (n: number) => String((Number(codeAt(secret)) + 1 + n) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 3; i += 1) {
      const res = await login({ email: agent.email, password: testPassword, totp: wrong(i) });
      expect(res.body.code).toBe('TOTP_INVALID');
    }
    const throttled = await login({ email: agent.email, password: testPassword, totp: codeAt(secret) });
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('LOGIN_THROTTLED');
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).failedLogins).toBe(3);
  });

  it('does not count the step that asks for the code', async () => {
    const { agent, secret } = await enrolled();
    for (let i = 0; i < 5; i += 1) expect((await login({ email: agent.email, password: testPassword })).body.code).toBe('TOTP_REQUIRED');
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).failedLogins).toBe(0);
    expect((await login({ email: agent.email, password: testPassword, totp: codeAt(secret) })).status).toBe(200);
  });
});

describe('REQUIRE_2FA', () => {
  it('defaults to supervisors and admins in production, and to no one elsewhere', () => {
    const production = loadConfig({
      NODE_ENV: 'production',
      IDENTITY_HASH_KEY: 'production-identity-key-0123456789',
      OUTBOX_DIR: 'data/outbox',
    });
    expect(production.require2faRoles).toEqual(['supervisor', 'admin']);
    expect(loadConfig({ NODE_ENV: 'development' }).require2faRoles).toEqual([]);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        IDENTITY_HASH_KEY: 'production-identity-key-0123456789',
        OUTBOX_DIR: 'data/outbox',
        REQUIRE_2FA: 'admin',
      }).require2faRoles,
    ).toEqual(['admin']);
    expect(() => loadConfig({ REQUIRE_2FA: 'supervisor,boss' })).toThrow(/boss/);
  });

  it('keeps a supervisor who has not enrolled out of every route but /api/auth until they enrol', async () => {
    const { client } = await signedInAs(t, 'supervisor');
    const tickets = await client.get('/api/tickets');
    expect(tickets.status).toBe(403);
    expect(tickets.body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    for (const [method, url] of [
      ['get', '/api/stats/overview'],
      ['get', '/api/accounts'],
      ['post', '/api/messages'],
      ['get', '/api/agents'],
    ] as const) {
      expect((await client[method](url).send({})).body.code).toBe('TOTP_ENROLMENT_REQUIRED');
    }
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.agent.twoFactor).toMatchObject({ enabled: false, required: true });

    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect((await client.get('/api/tickets')).status).toBe(403);
    expect((await client.post('/api/auth/totp/enable').send({ code: codeAt(setup.body.secret) })).status).toBe(200);
    expect((await client.get('/api/tickets')).status).toBe(200);
  });

  it('leaves an agent of another role alone', async () => {
    const { client } = await signedInAs(t, 'agent');
    expect((await client.get('/api/tickets')).status).toBe(200);
  });

  it('lets an unenrolled supervisor sign out', async () => {
    const { client } = await signedInAs(t, 'supervisor');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});

describe('POST /api/agents/:id/totp/reset', () => {
  it("lets an admin turn off a lost device: the agent's sessions end, and it is recorded", async () => {
    const target = await enrolled('agent');
    const admin = await enrolled('admin');
    expect((await target.client.get('/api/tickets')).status).toBe(200);

    const res = await admin.client.post(`/api/agents/${target.agent.id}/totp/reset`);
    expect(res.status).toBe(200);
    expect(res.body.totpEnabled).toBe(false);
    expect((await target.client.get('/api/tickets')).status).toBe(401);
    expect(await t.db.session.count({ where: { agentId: target.agent.id } })).toBe(0);
    const events = await t.db.event.findMany({ where: { type: 'agent.totp_reset', agentId: admin.agent.id } });
    expect(events.map((e) => e.data)).toEqual([{ agentId: target.agent.id }]);
    // The agent signs in with the password alone, and may enrol a new device.
    expect((await login({ email: target.agent.email, password: testPassword })).status).toBe(200);
  });

  it('is for admins only, and not on oneself', async () => {
    const target = await enrolled('agent');
    const supervisor = await enrolled('supervisor');
    expect((await supervisor.client.post(`/api/agents/${target.agent.id}/totp/reset`)).status).toBe(403);
    const admin = await enrolled('admin');
    expect((await admin.client.post(`/api/agents/${admin.agent.id}/totp/reset`)).status).toBe(400);
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: target.agent.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe('POST /api/auth/totp/disable', () => {
  it('needs a current code: none or a wrong one leaves two-factor on', async () => {
    const { agent, client, secret } = await enrolled();
    expect((await client.post('/api/auth/totp/disable').send({})).status).toBe(400);
    const wrong = await client
      .post('/api/auth/totp/disable')
      .send({ code: String((Number(codeAt(secret)) + 7) % 1_000_000).padStart(6, '0') });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('TOTP_INVALID');
    expect((await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } })).totpEnabledAt).not.toBeNull();

    const res = await client.post('/api/auth/totp/disable').send({ code: codeAt(secret) });
    expect(res.status).toBe(200);
    expect(res.body.agent.twoFactor.enabled).toBe(false);
    const row = await t.db.agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect([row.totpSecret, row.totpEnabledAt, row.recoveryCodes]).toEqual([null, null, null]);
    expect((await login({ email: agent.email, password: testPassword })).status).toBe(200);
  });

  it('takes a recovery code when the device is lost', async () => {
    const { client, recoveryCodes } = await enrolled();
    expect((await client.post('/api/auth/totp/disable').send({ recoveryCode: recoveryCodes[9] })).status).toBe(200);
  });
});

describe('an agent who is not enrolled', () => {
  it('signs in with the password alone, whatever code comes with it', async () => {
    const agent = await makeAgent(t.db);
    expect((await login({ email: agent.email, password: testPassword, totp: '123456' })).status).toBe(200);
  });
});
