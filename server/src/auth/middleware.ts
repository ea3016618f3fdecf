import type { RequestHandler } from 'express';
import { parse } from 'cookie';
import type { AppContext } from '../context';
import type { Agent } from '../generated/prisma/client';
import { forbidden, unauthorized } from '../http/errors';
import { resolveSession, sessionCookie } from './sessions';
import { mustEnrol } from './twoFactor';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      agent?: Agent;
      sessionToken?: string;
    }
  }
}

export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[sessionCookie] || undefined;
}

/**
 * 401 unless the request carries a live session. An agent whose role needs two-factor sign-in (REQUIRE_2FA) and
 * who has not enrolled gets 403 TOTP_ENROLMENT_REQUIRED, except on the routes that let them enrol ('exempt').
 */
export function requireAgent(ctx: AppContext, { enrolment = 'enforced' }: { enrolment?: 'enforced' | 'exempt' } = {}): RequestHandler {
  return async (req, _res, next) => {
    const token = readSessionToken(req.headers.cookie);
    const agent = token ? await resolveSession(ctx.db, ctx.reader, token, ctx.config.sessionTtlMs) : null;
    if (!agent || !token) throw unauthorized();
    if (enrolment === 'enforced' && mustEnrol(agent, ctx.config.require2faRoles)) {
      throw forbidden(
        'Your role signs in with a second factor: enrol an authenticator app on your profile first',
        'TOTP_ENROLMENT_REQUIRED',
      );
    }
    req.agent = agent;
    req.sessionToken = token;
    next();
  };
}

export function signedIn(req: { agent?: Agent }): Agent {
  if (!req.agent) throw unauthorized();
  return req.agent;
}
