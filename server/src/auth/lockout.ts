// Sign-in failures, after the email login rule of seed 002: three wrong passwords a day, then slow down
// (the seed asks for a captcha); over ten, locked for an hour counted from the day's first failure.
export const lockoutRule = {
  freeFailuresPerDay: 3,
  lockAfterFailures: 10,
  lockMs: 3600_000,
  windowMs: 24 * 3600_000,
  slowDownMs: (failures: number) => Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 3)),
};

export type FailureState = { failedLogins: number; failWindowAt: Date | null; lastFailedAt: Date | null; lockedUntil: Date | null };

export type Gate = { ok: true } | { ok: false; code: 'ACCOUNT_LOCKED' | 'LOGIN_THROTTLED'; retryAfterSeconds: number };

function failuresInWindow(s: FailureState, now: Date): number {
  return s.failWindowAt && now.getTime() - s.failWindowAt.getTime() < lockoutRule.windowMs ? s.failedLogins : 0;
}

/** May a sign-in be tried now? */
export function signInGate(s: FailureState, now = new Date()): Gate {
  if (s.lockedUntil && s.lockedUntil > now) {
    return { ok: false, code: 'ACCOUNT_LOCKED', retryAfterSeconds: Math.ceil((s.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  const failures = failuresInWindow(s, now);
  if (failures >= lockoutRule.freeFailuresPerDay && s.lastFailedAt) {
    const wait = s.lastFailedAt.getTime() + lockoutRule.slowDownMs(failures) - now.getTime();
    if (wait > 0) return { ok: false, code: 'LOGIN_THROTTLED', retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  return { ok: true };
}

/** The state after one more wrong password. */
export function afterFailure(s: FailureState, now = new Date()): FailureState {
  const inWindow = failuresInWindow(s, now) > 0;
  const failWindowAt = inWindow && s.failWindowAt ? s.failWindowAt : now;
  const failedLogins = (inWindow ? s.failedLogins : 0) + 1;
  const lockedUntil = failedLogins > lockoutRule.lockAfterFailures ? lockEnd(failWindowAt, now) : s.lockedUntil;
  return { failedLogins, failWindowAt, lastFailedAt: now, lockedUntil };
}

/** A lock lasts an hour from the window's first failure; when that hour is already over, an hour from now. */
export function lockEnd(failWindowAt: Date, now: Date): Date {
  const fromFirstFailure = failWindowAt.getTime() + lockoutRule.lockMs;
  return new Date(fromFirstFailure > now.getTime() ? fromFirstFailure : now.getTime() + lockoutRule.lockMs);
}

export const afterSuccess = (): FailureState => ({ failedLogins: 0, failWindowAt: null, lastFailedAt: null, lockedUntil: null });
