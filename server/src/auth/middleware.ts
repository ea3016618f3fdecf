import type { RequestHandler } from 'express';
import { parse } from 'cookie';
import type { AppContext } from '../context';
import type { Agent } from '../generated/prisma/client';
import { unauthorized } from '../http/errors';
import { resolveSession, sessionCookie } from './sessions';

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

/** 401 unless the request carries a live session. */
export function requireAgent(ctx: AppContext): RequestHandler {
  return async (req, _res, next) => {
    const token = readSessionToken(req.headers.cookie);
    const agent = token ? await resolveSession(ctx.db, ctx.reader, token, ctx.config.sessionTtlMs) : null;
    if (!agent || !token) throw unauthorized();
    req.agent = agent;
    req.sessionToken = token;
    next();
  };
}

export function signedIn(req: { agent?: Agent }): Agent {
  if (!req.agent) throw unauthorized();
  return req.agent;
}
