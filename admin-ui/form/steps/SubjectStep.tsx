import type { Catalog, CatalogKind, SubjectType } from '../catalog';
import { useI18n } from '../i18n';

interface SubjectStepProps {
  catalog: Catalog;
  kind: CatalogKind;
  subjectType?: SubjectType;
  variant?: string;
  errors: Record<string, string>;
  onSubjectType: (subjectType: SubjectType) => void;
  onVariant: (variant: string) => void;
}

/** Step 2: how the account is verified (the kind's subject types), and which case applies where the kind has variants. */
export function SubjectStep({ catalog, kind, subjectType, variant, errors, onSubjectType, onVariant }: SubjectStepProps) {
  const { t, text, errorText } = useI18n();
  const subjectTypes = catalog.subjectTypes.filter((s) => kind.subjectTypes.includes(s.key));
  const preconditions = kind.preconditions.filter((p) => !p.variants || (variant !== undefined && p.variants.includes(variant)));
  return (
    <div className="step-body">
      <fieldset className="choices" aria-describedby={errors.subjectType ? 'subjectType-error' : undefined}>
        <legend className="step-heading">{t('subject.heading')}</legend>
        <p className="intro">{t('subject.intro')}</p>
        {subjectTypes.map((s) => (
          <label key={s.key} className={`choice choice-compact${subjectType === s.key ? ' is-selected' : ''}`}>
            <input type="radio" name="subjectType" value={s.key} checked={subjectType === s.key} onChange={() => onSubjectType(s.key)} />
            <span className="choice-text">
              <span className="choice-title">{text(s.label)}</span>
            </span>
          </label>
        ))}
        {subjectType && kind.subjectTypeNotes[subjectType] && (
          <p className="note" role="note">
            {text(kind.subjectTypeNotes[subjectType])}
          </p>
        )}
        {errors.subjectType && (
          <p className="error" id="subjectType-error" role="alert">
            {errorText(errors.subjectType)}
          </p>
        )}
      </fieldset>
      {kind.variants.length > 0 && (
        <fieldset className="choices" aria-describedby={errors.variant ? 'variant-error' : undefined}>
          <legend className="step-subheading">{t('variant.heading')}</legend>
          {kind.variants.map((v) => (
            <label key={v.key} className={`choice choice-compact${variant === v.key ? ' is-selected' : ''}`}>
              <input type="radio" name="variant" value={v.key} checked={variant === v.key} onChange={() => onVariant(v.key)} />
              <span className="choice-text">
                <span className="choice-title">{text(v.label)}</span>
              </span>
            </label>
          ))}
          {errors.variant && (
            <p className="error" id="variant-error" role="alert">
              {errorText(errors.variant)}
            </p>
          )}
        </fieldset>
      )}
      {preconditions.length > 0 && (
        <div className="note">
          <p>{t('subject.preconditions')}</p>
          <ul>
            {preconditions.map((p) => (
              <li key={p.code}>{text(p.label)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
