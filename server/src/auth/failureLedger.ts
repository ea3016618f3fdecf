import { createHmac } from 'node:crypto';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../http/uniqueViolation';
import { afterFailure, lockEnd, lockoutRule, signInGate, type FailureState, type Gate } from './lockout';

/**
 * Where the failures of one email are counted. Writes are compare-and-swap: of parallel attempts that read the same
 * state only one moves it on, and the others read again and meet the slow-down or the lock.
 */
export interface FailureLedger {
  read(): Promise<FailureState>;
  /** Writes `next` only if the state is still `prev`; false when another attempt changed it first. */
  swap(prev: FailureState, next: FailureState): Promise<boolean>;
}

const stateColumns = { failedLogins: true, failWindowAt: true, lastFailedAt: true, lockedUntil: true } as const;

/** An agent's failures, in the agent's own row. */
export const agentLedger = (db: Db, agentId: number): FailureLedger => ({
  read: () => db.agent.findUniqueOrThrow({ where: { id: agentId }, select: stateColumns }),
  async swap(prev, next) {
    const { count } = await db.agent.updateMany({ where: { id: agentId, ...prev }, data: next });
    return count === 1;
  },
});

// Rows outlive what they describe: a day's window, then the hour a lock may last beyond it.
const keepMs = 2 * lockoutRule.windowMs;
const emptyState: FailureState = { failedLogins: 0, failWindowAt: null, lastFailedAt: null, lockedUntil: null };

/**
 * The failures of an email no active agent has, kept in RateLimit rows under a keyed hash of the email, so that
 * slowing down and locking answer exactly as they would for an agent, and the table names no one. Two rows:
 * failures (count, and the window's start as expiresAt − keep) and the last attempt (its time as expiresAt − keep).
 * The lock follows from the count, as afterFailure sets it. Every failure changes the first row, so comparing that
 * row is the whole swap.
 */
export function emailLedger(db: Db, hashKey: string, email: string): FailureLedger {
  const id = createHmac('sha256', hashKey).update(`sign-in:${email}`).digest('base64url');
  const failuresKey = `sign-in-failures:${id}`;
  const lastKey = `sign-in-last:${id}`;
  const kept = (at: Date) => new Date(at.getTime() + keepMs);
  const from = (expiresAt: Date) => new Date(expiresAt.getTime() - keepMs);

  return {
    async read() {
      // The failures row first: a swap between the two reads then fails on it and the attempt reads again.
      const failures = await db.rateLimit.findUnique({ where: { key: failuresKey } });
      const last = await db.rateLimit.findUnique({ where: { key: lastKey } });
      if (!failures) return emptyState;
      const failWindowAt = from(failures.expiresAt);
      const lastFailedAt = last ? from(last.expiresAt) : failWindowAt;
      const lockedUntil = failures.count > lockoutRule.lockAfterFailures ? lockEnd(failWindowAt, lastFailedAt) : null;
      return { failedLogins: failures.count, failWindowAt, lastFailedAt, lockedUntil };
    },
    async swap(prev, next) {
      const { failWindowAt, lastFailedAt } = next;
      if (!failWindowAt || !lastFailedAt) throw new Error('Only failures are counted for an unknown email');
      const data = { count: next.failedLogins, expiresAt: kept(failWindowAt) };
      try {
        return await db.$transaction(async (tx) => {
          if (prev.failWindowAt) {
            const { count } = await tx.rateLimit.updateMany({
              where: { key: failuresKey, count: prev.failedLogins, expiresAt: kept(prev.failWindowAt) },
              data,
            });
            if (count === 0) return false;
          } else {
            await tx.rateLimit.create({ data: { key: failuresKey, ...data } });
          }
          const last = { count: 0, expiresAt: kept(lastFailedAt) };
          await tx.rateLimit.upsert({ where: { key: lastKey }, create: { key: lastKey, ...last }, update: last });
          return true;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
  };
}

export type Refusal = Extract<Gate, { ok: false }>;
export type Attempt = { ok: true; before: FailureState; counted: FailureState } | { ok: false; refusal: Refusal };

const maxRounds = 25;

/**
 * Counts this attempt as a failure before anything is checked, unless the slow-down or the lock refuses it; a right
 * answer then resets the count. So parallel guesses get no more checks than sequential ones would.
 */
export async function claimAttempt(ledger: FailureLedger): Promise<Attempt> {
  for (let round = 0; round < maxRounds; round += 1) {
    const now = new Date();
    const before = await ledger.read();
    const gate = signInGate(before, now);
    if (!gate.ok) return { ok: false, refusal: gate };
    const counted = afterFailure(before, now);
    if (await ledger.swap(before, counted)) return { ok: true, before, counted };
  }
  // Only a flood of parallel attempts on one email gets here: it is told to slow down, as it soon would be anyway.
  return { ok: false, refusal: { ok: false, code: 'LOGIN_THROTTLED', retryAfterSeconds: 1 } };
}
