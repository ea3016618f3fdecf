import type { Catalog } from '../catalog';
import { useI18n } from '../i18n';

interface KindStepProps {
  catalog: Catalog;
  value?: string;
  error?: string;
  onChange: (kind: string) => void;
}

/** Step 1: what happened, in the customer's words (the kind's summary), with its label as the title. */
export function KindStep({ catalog, value, error, onChange }: KindStepProps) {
  const { t, text, errorText } = useI18n();
  return (
    <fieldset className="choices" aria-describedby={error ? 'kind-error' : undefined}>
      <legend className="step-heading">{t('kind.heading')}</legend>
      <p className="intro">{t('kind.intro')}</p>
      {catalog.kinds.map((kind) => (
        <label key={kind.key} className={`choice${value === kind.key ? ' is-selected' : ''}`}>
          <input type="radio" name="kind" value={kind.key} checked={value === kind.key} onChange={() => onChange(kind.key)} />
          <span className="choice-text">
            <span className="choice-title">{text(kind.label)}</span>
            <span className="choice-summary">{text(kind.summary)}</span>
            <span className="choice-meta">{t('kind.sla', { days: kind.slaBusinessDays })}</span>
          </span>
        </label>
      ))}
      {error && (
        <p className="error" id="kind-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </fieldset>
  );
}
