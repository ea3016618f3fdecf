import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { Agent } from '../generated/prisma/client';
import { tooManyRequests, unauthorized } from '../http/errors';
import { parseInput } from '../http/validate';
import { afterFailure, afterSuccess, signInGate } from './lockout';
import { readSessionToken, requireAgent, signedIn } from './middleware';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { createSession, endSession, sessionCookie } from './sessions';

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const presentSelf = (a: Agent) => ({ id: a.id, email: a.email, name: a.name, role: a.role, locale: a.locale });

const gateMessages = {
  ACCOUNT_LOCKED: 'Too many wrong passwords: this sign-in is locked for an hour from the first failure today',
  LOGIN_THROTTLED: 'Several wrong passwords: wait a moment before trying again',
} as const;

export function authRoutes(ctx: AppContext): Router {
  const { db, config } = ctx;
  const router = Router();

  router.post('/login', async (req, res) => {
    const { email, password } = parseInput(loginSchema, req.body, 'Enter an email and a password');
    const agent = await db.agent.findUnique({ where: { email } });
    if (!agent || !agent.active) {
      await burnPasswordCheck(password);
      throw unauthorized('Wrong email or password', 'INVALID_CREDENTIALS');
    }
    const gate = signInGate(agent);
    if (!gate.ok) throw tooManyRequests(gateMessages[gate.code], gate.retryAfterSeconds, gate.code);

    if (!(await verifyPassword(agent.passwordHash, password))) {
      const next = afterFailure(agent);
      await db.agent.update({ where: { id: agent.id }, data: next });
      ctx.log.warn({ agentId: agent.id, failures: next.failedLogins }, 'failed sign-in');
      if (next.lockedUntil && next.lockedUntil > new Date()) {
        const seconds = Math.ceil((next.lockedUntil.getTime() - Date.now()) / 1000);
        throw tooManyRequests(gateMessages.ACCOUNT_LOCKED, seconds, 'ACCOUNT_LOCKED');
      }
      throw unauthorized('Wrong email or password', 'INVALID_CREDENTIALS');
    }

    await db.agent.update({ where: { id: agent.id }, data: { ...afterSuccess(), lastLoginAt: new Date() } });
    const session = await createSession(db, agent.id, config.sessionTtlMs, { ip: req.ip, userAgent: req.get('user-agent') });
    res.cookie(sessionCookie, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/',
      expires: session.expiresAt,
    });
    res.json({ agent: presentSelf(agent) });
  });

  router.get('/me', requireAgent(ctx), (req, res) => {
    res.json({ agent: presentSelf(signedIn(req)) });
  });

  router.post('/logout', async (req, res) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) await endSession(db, token);
    res.clearCookie(sessionCookie, { path: '/' });
    res.status(204).end();
  });

  return router;
}

