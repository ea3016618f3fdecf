// Proof of control: a one-time code sent to the account's own security phone (or email), typed back here.
import { useEffect, useRef, useState } from 'react';
import { OWNER_CODE_DIGITS, OWNER_CODE_TTL_SECONDS } from '../../../server/src/contract/ownerCodes';
import { ApiError, problemOf, type AppealApi, type OwnerCodeVerified } from '../api';
import type { OwnerCodeRule } from '../catalog';
import { useI18n, type MessageKey, type Params } from '../i18n';

/** How long "Send code" waits before another code may be asked for the same account. */
export const OWNER_CODE_RESEND_SECONDS = 60;

/** A code sent: which account it was for and the challenge to verify it against. */
export interface OwnerChallenge {
  accountId: string;
  challengeId: string;
  expiresInSeconds: number;
}

/** What outlives the fields step (the customer may go on and come back): the open challenge and the resend wait. */
export interface OwnerCodeSession {
  challenge?: OwnerChallenge;
  /** Milliseconds since the epoch; for one account after a code was sent, for every account after a 429. */
  cooldown?: { until: number; accountId?: string };
}

export const emptyOwnerCodeSession: OwnerCodeSession = {};

/** Seconds left before "Send code" is available again for this account; 0 when it is. */
export function cooldownSeconds(session: OwnerCodeSession, accountId: string, now: number): number {
  const cooldown = session.cooldown;
  if (!cooldown || (cooldown.accountId !== undefined && cooldown.accountId !== accountId)) return 0;
  return Math.max(0, Math.ceil((cooldown.until - now) / 1000));
}

/** A render every second while `active`, for a countdown. */
function useTick(active: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [active]);
}

const codePattern = new RegExp(`^\\d{${OWNER_CODE_DIGITS}}$`);

type Message = { key: MessageKey; params?: Params };

export interface OwnerCodeProps {
  api: AppealApi;
  rule: OwnerCodeRule;
  /** The account ID as typed, trimmed. */
  accountId: string;
  accountValid: boolean;
  /** A verified code holds for this account ID. */
  verified: boolean;
  /** The form's error for `ownerProof` (a text code such as 'owner_code_required'). */
  error?: string;
  session: OwnerCodeSession;
  onSession: (update: (session: OwnerCodeSession) => OwnerCodeSession) => void;
  onVerified: (accountId: string, proof: OwnerCodeVerified) => void;
  disabled?: boolean;
}

/** "Send code", the code, "Verify", then "Verified"; beside the account ID on the fields step. */
export function OwnerCode({
  api,
  rule,
  accountId,
  accountValid,
  verified,
  error,
  session,
  onSession,
  onVerified,
  disabled,
}: OwnerCodeProps) {
  const { t, locale, errorText } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const challenge = session.challenge?.accountId === accountId ? session.challenge : undefined;
  // The countdown ticks while there is a wait; once it is over the ticking stops.
  const waiting = cooldownSeconds(session, accountId, Date.now());
  useTick(waiting > 0);

  // A different account ID: the code sent, what was typed and what was said were for the other account.
  const lastAccount = useRef(accountId);
  useEffect(() => {
    if (lastAccount.current === accountId) return;
    lastAccount.current = accountId;
    setCode('');
    setProblem(null);
    onSession((s) => (s.challenge && s.challenge.accountId !== accountId ? { ...s, challenge: undefined } : s));
  }, [accountId, onSession]);

  async function send() {
    if (!accountValid || waiting > 0 || busy) return;
    const forAccount = accountId;
    setBusy('send');
    setProblem(null);
    try {
      const issued = await api.sendOwnerCode({ accountId: forAccount, locale });
      onSession((s) => ({
        ...s,
        challenge: { accountId: forAccount, challengeId: issued.challengeId, expiresInSeconds: issued.expiresInSeconds },
        cooldown: { until: Date.now() + OWNER_CODE_RESEND_SECONDS * 1000, accountId: forAccount },
      }));
      setCode('');
      requestAnimationFrame(() => codeInput.current?.focus());
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        const seconds = Math.max(1, e.retryAfterSeconds ?? OWNER_CODE_RESEND_SECONDS);
        onSession((s) => ({ ...s, cooldown: { until: Date.now() + seconds * 1000 } }));
        setProblem({ key: 'owner.rateLimited', params: { seconds } });
      } else if (e instanceof ApiError && e.status === 400 && e.errors.accountId !== undefined) {
        setProblem({ key: 'owner.accountId' });
      } else setProblem(generalProblem(e));
    } finally {
      setBusy(null);
    }
  }

  async function verify() {
    if (!challenge || busy) return;
    const typed = code.replace(/\s/g, '');
    if (!codePattern.test(typed)) {
      setProblem({ key: 'owner.codeFormat' });
      codeInput.current?.focus();
      return;
    }
    setBusy('verify');
    setProblem(null);
    try {
      const result = await api.verifyOwnerCode(challenge.challengeId, typed);
      onSession((s) => ({ ...s, challenge: undefined }));
      setCode('');
      onVerified(challenge.accountId, result);
    } catch (e) {
      const expired =
        e instanceof ApiError && (e.code === 'CODE_EXPIRED' || e.status === 410 || (e.code === 'CODE_INVALID' && e.attemptsLeft === 0));
      if (expired) {
        // The challenge is spent: only a new code helps.
        onSession((s) => ({ ...s, challenge: undefined }));
        setCode('');
        setProblem({ key: 'owner.expired' });
      } else if (e instanceof ApiError && e.code === 'CODE_INVALID') {
        const attempts = e.attemptsLeft;
        setProblem(
          attempts === undefined
            ? { key: 'owner.wrong' }
            : attempts === 1
              ? { key: 'owner.invalidLast' }
              : { key: 'owner.invalid', params: { attempts } },
        );
        codeInput.current?.select();
      } else setProblem(generalProblem(e));
    } finally {
      setBusy(null);
    }
  }

  const shownError = problem ? t(problem.key, problem.params) : error ? errorText(error) : undefined;
  const describedBy = ['owner-code-rule', !accountValid && !verified ? 'owner-code-need' : '', shownError ? 'owner-code-error' : '']
    .filter(Boolean)
    .join(' ');
  const sendLabel =
    busy === 'send'
      ? t('owner.sending')
      : waiting > 0
        ? t('owner.cooldown', { seconds: waiting })
        : challenge || session.cooldown?.accountId === accountId
          ? t('owner.resend')
          : t('owner.send');

  return (
    <section
      className={`owner-code${shownError ? ' has-error' : ''}${verified ? ' is-verified' : ''}`}
      aria-labelledby="owner-code-heading"
    >
      <h3 id="owner-code-heading" className="owner-code-title">
        {t('owner.heading')}
        {rule === 'required' && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </h3>
      <p className="hint" id="owner-code-rule">
        {t(rule === 'required' ? 'owner.required' : 'owner.optional')}
      </p>
      {!verified && (
        <>
          <p className="hint">{t('owner.how')}</p>
          <div className="owner-code-send">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void send()}
              disabled={disabled || !accountValid || waiting > 0 || busy !== null}
              aria-describedby={describedBy}
            >
              {sendLabel}
            </button>
            {!accountValid && (
              <p className="hint" id="owner-code-need">
                {t('owner.needAccountId')}
              </p>
            )}
          </div>
        </>
      )}
      <div className="owner-code-status" role="status" aria-live="polite">
        {verified ? (
          <p className="owner-code-verified">
            <span aria-hidden="true">✓ </span>
            {t('owner.verified')}
          </p>
        ) : challenge ? (
          <p className="owner-code-sent">
            {t('owner.sent', { minutes: Math.max(1, Math.round((challenge.expiresInSeconds || OWNER_CODE_TTL_SECONDS) / 60)) })}
          </p>
        ) : null}
      </div>
      {verified && <p className="hint">{t('owner.verifiedNote')}</p>}
      {!verified && challenge && (
        <div className="owner-code-entry">
          <div className="field">
            <label className="owner-code-label" htmlFor="owner-code-input">
              {t('owner.code')}
            </label>
            <p className="hint" id="owner-code-hint">
              {t('owner.codeHint')}
            </p>
            <input
              ref={codeInput}
              id="owner-code-input"
              name="owner-code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={OWNER_CODE_DIGITS}
              spellCheck={false}
              value={code}
              disabled={disabled}
              aria-invalid={problem ? true : undefined}
              aria-describedby={['owner-code-hint', problem ? 'owner-code-error' : ''].filter(Boolean).join(' ')}
              onChange={(e) => {
                setCode(e.target.value.replace(/\D/g, '').slice(0, OWNER_CODE_DIGITS));
                if (problem?.key === 'owner.codeFormat') setProblem(null);
              }}
              onKeyDown={(e) => {
                // Enter verifies the code; it does not submit the step.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void verify();
                }
              }}
            />
          </div>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void verify()}
            disabled={disabled || busy !== null || code.length !== OWNER_CODE_DIGITS}
          >
            {busy === 'verify' ? t('owner.verifying') : t('owner.verify')}
          </button>
        </div>
      )}
      {shownError && (
        <p className="error" id="owner-code-error" role="alert">
          {shownError}
        </p>
      )}
    </section>
  );
}

const generalProblem = (e: unknown): Message => problemOf(e);
