import { Router } from 'express';
import type { AppContext } from '../context';
import { loginSchema, totpDisableSchema, totpEnableSchema } from '../contract/auth';
import type { Agent } from '../generated/prisma/client';
import { countHit } from '../http/rateLimit';
import { parseInput } from '../http/validate';
import { readSessionToken, requireAgent, signedIn } from './middleware';
import { unusedCount } from './recoveryCodes';
import { createSession, endSession, sessionCookie } from './sessions';
import { signIn } from './signIn';
import { disableOwnTwoFactor, finishEnrolment, isEnrolled, recordEnrolment, startEnrolment } from './twoFactor';

// Codes are tried from a signed-in session here; a stolen session still gets only a few guesses.
const codeTries = [{ windowMs: 15 * 60_000, max: 10 }];

export const presentSelf = (a: Agent, requiredRoles: readonly string[]) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  locale: a.locale,
  twoFactor: {
    enabled: isEnrolled(a),
    enabledAt: a.totpEnabledAt,
    required: requiredRoles.includes(a.role),
    recoveryCodesLeft: isEnrolled(a) ? unusedCount(a.recoveryCodes) : 0,
  },
});

export function authRoutes(ctx: AppContext): Router {
  const { db, config } = ctx;
  const router = Router();
  const present = (a: Agent) => presentSelf(a, config.require2faRoles);
  // These stay open to an agent who must still enrol: who they are, signing out, and enrolling.
  const session = requireAgent(ctx, { enrolment: 'exempt' });

  router.post('/login', async (req, res) => {
    const input = parseInput(loginSchema, req.body, 'Enter an email and a password');
    const agent = await signIn(ctx, input, req.ip ?? 'unknown');
    const created = await createSession(db, agent.id, config.sessionTtlMs, { ip: req.ip, userAgent: req.get('user-agent') });
    res.cookie(sessionCookie, created.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      expires: created.expiresAt,
    });
    res.json({ agent: present(agent) });
  });

  router.get('/me', session, async (req, res) => {
    // The session's row comes from the reader; recovery codes are counted from Prisma's parsed JSON.
    const agent = await db.agent.findUniqueOrThrow({ where: { id: signedIn(req).id } });
    res.json({ agent: present(agent) });
  });

  router.post('/logout', async (req, res) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) await endSession(db, token);
    res.clearCookie(sessionCookie, { path: '/' });
    res.status(204).end();
  });

  router.post('/totp/setup', session, async (req, res) => {
    res.json(await startEnrolment(db, config.totpEncryptionKey, signedIn(req)));
  });

  router.post('/totp/enable', session, async (req, res) => {
    const me = signedIn(req);
    const { code: typed } = parseInput(totpEnableSchema, req.body, 'Enter the 6-digit code from your authenticator app');
    await countHit(db, 'totp-enable', String(me.id), codeTries, 'Too many codes tried; wait a few minutes');
    const { recoveryCodes } = await finishEnrolment(db, config.totpEncryptionKey, me.id, typed);
    await recordEnrolment(db, me.id);
    res.json({ recoveryCodes, agent: present(await db.agent.findUniqueOrThrow({ where: { id: me.id } })) });
  });

  router.post('/totp/disable', session, async (req, res) => {
    const me = signedIn(req);
    const proof = parseInput(totpDisableSchema, req.body, 'Enter a current code from your authenticator app, or a recovery code');
    await countHit(db, 'totp-disable', String(me.id), codeTries, 'Too many codes tried; wait a few minutes');
    await disableOwnTwoFactor(db, config.totpEncryptionKey, me, proof);
    res.json({ agent: present(await db.agent.findUniqueOrThrow({ where: { id: me.id } })) });
  });

  return router;
}
