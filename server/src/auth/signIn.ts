import type { AppContext } from '../context';
import type { Agent } from '../generated/prisma/client';
import { HttpError, tooManyRequests, unauthorized } from '../http/errors';
import { countHit } from '../http/rateLimit';
import { agentLedger, claimAttempt, emailLedger, type Refusal } from './failureLedger';
import { afterSuccess, type FailureState } from './lockout';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { acceptTotpCode, isEnrolled, spendAgentRecoveryCode } from './twoFactor';

export type SignInInput = { email: string; password: string; totp?: string; recoveryCode?: string };

const refusalMessages = {
  ACCOUNT_LOCKED: 'Too many wrong passwords: this sign-in is locked for an hour from the first failure today',
  LOGIN_THROTTLED: 'Several wrong passwords: wait a moment before trying again',
} as const;

const addressWindowMs = 15 * 60_000;

const refused = (r: Refusal) => tooManyRequests(refusalMessages[r.code], r.retryAfterSeconds, r.code);
const wrongCredentials = () => unauthorized('Wrong email or password', 'INVALID_CREDENTIALS');

/** A counted failure answers 401 with `refusal`, or 429 when it was the one that locked the sign-in. */
function failed(counted: FailureState, refusal: () => HttpError): HttpError {
  const now = Date.now();
  if (counted.lockedUntil && counted.lockedUntil.getTime() > now) {
    return refused({ ok: false, code: 'ACCOUNT_LOCKED', retryAfterSeconds: Math.ceil((counted.lockedUntil.getTime() - now) / 1000) });
  }
  return refusal();
}

/**
 * Password, then the second factor for an enrolled agent. Every attempt is counted before anything is checked
 * (failureLedger); an email no active agent has walks the same steps, in RateLimit rows, with an argon2 check burnt,
 * so neither the answers nor their timing tell agents' emails from others.
 */
export async function signIn(ctx: AppContext, input: SignInInput, client: string): Promise<Agent> {
  const { db, config } = ctx;
  await countHit(
    db,
    'sign-in-address',
    client,
    [{ windowMs: addressWindowMs, max: config.rateLimits.loginAttemptsPerAddress }],
    'Too many sign-in attempts from your address; try again later',
  );

  const found = await db.agent.findUnique({ where: { email: input.email } });
  const agent = found?.active ? found : null;
  const ledger = agent ? agentLedger(db, agent.id) : emailLedger(db, config.identityHashKey, input.email);
  const attempt = await claimAttempt(ledger);
  if (!attempt.ok) throw refused(attempt.refusal);

  if (!agent) {
    await burnPasswordCheck(input.password);
    throw failed(attempt.counted, wrongCredentials);
  }
  if (!(await verifyPassword(agent.passwordHash, input.password))) {
    ctx.log.warn({ agentId: agent.id, failures: attempt.counted.failedLogins }, 'failed sign-in');
    throw failed(attempt.counted, wrongCredentials);
  }

  if (isEnrolled(agent)) {
    if (input.totp === undefined && input.recoveryCode === undefined) {
      // The password was right and no code came with it: the attempt is given back, asking for the code costs nothing.
      await ledger.swap(attempt.counted, attempt.before);
      throw unauthorized('Enter the 6-digit code from your authenticator app, or a recovery code', 'TOTP_REQUIRED');
    }
    const accepted =
      input.totp !== undefined
        ? await acceptTotpCode(db, config.totpEncryptionKey, agent, input.totp)
        : await spendAgentRecoveryCode(db, agent.id, input.recoveryCode!);
    if (!accepted) {
      ctx.log.warn({ agentId: agent.id, failures: attempt.counted.failedLogins }, 'failed second factor');
      throw failed(attempt.counted, () =>
        input.totp !== undefined
          ? unauthorized('The code is wrong or was used already', 'TOTP_INVALID')
          : unauthorized('The recovery code is wrong or was used already', 'RECOVERY_CODE_INVALID'),
      );
    }
    if (input.recoveryCode !== undefined) {
      await db.event.create({
        data: { actorType: 'agent', agentId: agent.id, type: 'agent.recovery_code_used', data: { agentId: agent.id } },
      });
    }
  }

  return db.agent.update({ where: { id: agent.id }, data: { ...afterSuccess(), lastLoginAt: new Date() } });
}
