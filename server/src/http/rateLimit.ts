import type { RequestHandler } from 'express';
import type { Db } from '../db/client';
import { tooManyRequests } from './errors';

export type RateRule = { windowMs: number; max: number };

/**
 * Counts one hit of `subject` (a client address, an account ID) in fixed windows kept in the database, so every
 * API process counts together. The first rule exceeded answers 429 with the seconds until its window ends.
 */
export async function countHit(
  db: Db,
  scope: string,
  subject: string,
  rules: RateRule[],
  message = 'Too many requests from your address; try again later',
): Promise<void> {
  const now = Date.now();
  for (const rule of rules) {
    const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs;
    const expiresAt = new Date(windowStart + rule.windowMs);
    const key = `${scope}:${subject}:${rule.windowMs}:${windowStart}`;
    const row = await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, expiresAt }, update: { count: { increment: 1 } } });
    if (row.count > rule.max) throw tooManyRequests(message, Math.ceil((expiresAt.getTime() - now) / 1000));
  }
  // Old windows are swept now and then rather than on every request.
  if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
}

/** Fixed-window limits per client address. */
export function rateLimit(db: Db, scope: string, rules: RateRule[]): RequestHandler {
  return async (req, _res, next) => {
    await countHit(db, scope, req.ip ?? 'unknown', rules);
    next();
  };
}
