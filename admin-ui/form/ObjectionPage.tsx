// "This wasn't me": the page behind the link sent to an account's security phone and email when an appeal would change it.
// Mail scanners open links, so nothing is sent until the owner presses the button.
import { useEffect, useRef, useState } from 'react';
import { ApiError, problemOf, type AppealApi, type ObjectionRecorded } from './api';
import { useI18n, type MessageKey, type Params } from './i18n';
import { formatTime } from './StatusPage';

type Phase =
  | { name: 'ready' }
  | { name: 'sending' }
  | { name: 'recorded'; recorded: ObjectionRecorded }
  | { name: 'unknown' }
  | { name: 'used' }
  | { name: 'failed'; key: MessageKey; params?: Params };

/** Our own sentence for a failure; the server's English never reaches the page. */
function failure(e: unknown): Phase {
  if (e instanceof ApiError && e.code === 'OBJECTION_NOT_FOUND') return { name: 'unknown' };
  if (e instanceof ApiError && e.code === 'OBJECTION_USED') return { name: 'used' };
  if (e instanceof ApiError && e.status === 404) return { name: 'unknown' };
  if (e instanceof ApiError && e.status === 409) return { name: 'used' };
  return { name: 'failed', ...problemOf(e) };
}

export function ObjectionPage({ api, token }: { api: AppealApi; token?: string }) {
  const { t, locale } = useI18n();
  const [phase, setPhase] = useState<Phase>({ name: 'ready' });
  const outcome = useRef<HTMLDivElement>(null);
  const clean = (token ?? '').trim();

  // The button goes once there is an answer; the answer takes the focus.
  useEffect(() => {
    if (phase.name === 'recorded' || phase.name === 'unknown' || phase.name === 'used') outcome.current?.focus();
  }, [phase.name]);

  async function object() {
    if (phase.name === 'sending') return;
    setPhase({ name: 'sending' });
    try {
      setPhase({ name: 'recorded', recorded: await api.recordObjection(clean) });
    } catch (e) {
      setPhase(failure(e));
    }
  }

  if (clean === '') {
    return (
      <section className="panel objection" aria-labelledby="objection-heading">
        <h2 id="objection-heading" className="step-heading">
          {t('objection.heading')}
        </h2>
        <div className="banner banner-error">
          <p className="banner-title">{t('objection.invalid')}</p>
        </div>
      </section>
    );
  }

  const answered = phase.name === 'recorded' || phase.name === 'unknown' || phase.name === 'used';
  return (
    <section className="panel objection" aria-labelledby="objection-heading">
      <h2 id="objection-heading" className="step-heading">
        {t('objection.heading')}
      </h2>
      <p className="objection-body">{t('objection.body')}</p>
      {!answered && <p className="intro">{t('objection.yours')}</p>}

      <div ref={outcome} tabIndex={-1} className="objection-outcome">
        <div role="status" aria-live="polite">
          {phase.name === 'recorded' && (
            <div className="banner banner-ok">
              <p className="banner-title">{t('objection.recorded', { reference: phase.recorded.reference })}</p>
              <p className="banner-detail">{t('objection.recordedAt', { time: formatTime(phase.recorded.recordedAt, locale) })}</p>
            </div>
          )}
          {phase.name === 'used' && (
            <div className="banner banner-warn">
              <p className="banner-title">{t('objection.used')}</p>
            </div>
          )}
        </div>
        {(phase.name === 'unknown' || phase.name === 'failed') && (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">{phase.name === 'unknown' ? t('objection.invalid') : t(phase.key, phase.params)}</p>
          </div>
        )}
      </div>

      {!answered && (
        <div className="step-buttons">
          <button type="button" className="button button-danger" onClick={() => void object()} disabled={phase.name === 'sending'}>
            {phase.name === 'sending' ? t('objection.sending') : t('objection.button')}
          </button>
        </div>
      )}
    </section>
  );
}
