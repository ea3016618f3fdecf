import type { RequestHandler } from 'express';
import type { Db } from '../db/client';
import { tooManyRequests } from './errors';

export type RateRule = { windowMs: number; max: number };

/**
 * Fixed-window counters per client address, in the database so that every API process counts together.
 * Each rule is checked; the first one exceeded answers 429 with the seconds until its window ends.
 */
export function rateLimit(db: Db, scope: string, rules: RateRule[]): RequestHandler {
  return async (req, _res, next) => {
    const now = Date.now();
    const client = req.ip ?? 'unknown';
    for (const rule of rules) {
      const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
      const expiresAt = new Date(windowStart + rule.windowMs);
      const key = `${scope}:${client}:${rule.windowMs}:${windowStart}`;
      const row = await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, expiresAt }, update: { count: { increment: 1 } } });
      if (row.count > rule.max) {
        throw tooManyRequests('Too many requests from your address; try again later', Math.ceil((expiresAt.getTime() - now) / 1000));
      }
    }
    // Old windows are swept now and then rather than on every request.
    if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
    next();
  };
}
