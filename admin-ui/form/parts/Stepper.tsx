import { useI18n, type MessageKey } from '../i18n';

export const stepTitles: MessageKey[] = ['step.kind', 'step.subject', 'step.fields', 'step.materials', 'step.review'];

/** Where the customer is; steps already passed are buttons back to them. */
export function Stepper({ current, onGo, disabled }: { current: number; onGo: (step: number) => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <nav className="stepper" aria-label={t('stepper.label')}>
      <p className="stepper-position">{t('stepper.position', { n: current + 1, total: stepTitles.length })}</p>
      <ol>
        {stepTitles.map((key, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={key} className={`step step-${state}`}>
              {i < current ? (
                <button type="button" className="step-button" onClick={() => onGo(i)} disabled={disabled}>
                  <span className="step-number" aria-hidden="true">
                    ✓
                  </span>
                  <span className="step-title">{t(key)}</span>
                </button>
              ) : (
                <span className="step-button" aria-current={i === current ? 'step' : undefined}>
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="step-title">{t(key)}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
