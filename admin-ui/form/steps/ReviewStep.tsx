import type { Catalog, CatalogField, CatalogKind, CatalogSlot } from '../catalog';
import { chosenDocument, maskIdentifier, offersDocumentChoice } from '../../../server/src/contract/validators';
import { documentOf, type Draft } from '../draft';
import { formatBytes } from '../fileCheck';
import { useI18n } from '../i18n';
import type { MaterialFiles } from '../parts/materialFiles';

interface ReviewStepProps {
  catalog: Catalog;
  kind: CatalogKind;
  draft: Draft;
  fields: readonly CatalogField[];
  slots: readonly CatalogSlot[];
  materials: MaterialFiles;
  /** Whether the account is verified by a code; absent when the appeal takes no code. */
  ownerCode?: { verified: boolean };
  /** Back to a step, with the focus on the answer to change (a CSS selector). */
  onChange: (step: number, focus: string) => void;
  disabled?: boolean;
}

interface Row {
  key: string;
  label: string;
  value: string;
  step: number;
  focus: string;
}

/** A person's number and anything the catalog calls sensitive is shown masked: 110101********123X. */
const isMasked = (field: CatalogField) => field.sensitive === true || field.type === 'resident_id';

/** Step 5, GOV.UK's "check your answers": one row per answer, each with a link back to its field. */
export function ReviewStep({ catalog, kind, draft, fields, slots, materials, ownerCode, onChange, disabled }: ReviewStepProps) {
  const { t, text, locale } = useI18n();
  const subject = catalog.subjectTypes.find((s) => s.key === draft.subjectType);
  const variant = kind.variants.find((v) => v.key === draft.variant);
  const shown = (field: CatalogField) => {
    const value = (draft.fields[field.key] ?? '').trim();
    if (value === '') return t('review.empty');
    const option = field.options?.find((o) => o.value === value);
    if (option) return text(option.label);
    const values = field.type === 'checklist' ? field.options?.filter((o) => value.split(',').includes(o.value)) : undefined;
    if (values && values.length > 0) return values.map((o) => text(o.label)).join(t('file.separator'));
    // A person's number is shown with the document it is on: 港澳居民来往内地通行证 H12345678.
    const document = offersDocumentChoice(field) ? chosenDocument(field, documentOf(field, draft.fields)) : undefined;
    const documentLabel = catalog.documents?.find((d) => d.key === document)?.label;
    const number = isMasked(field) ? maskIdentifier(value) : value;
    return documentLabel ? `${text(documentLabel)} ${number}` : number;
  };
  const contactLocale = draft.contact.locale ?? locale;
  const rows: Row[] = [
    { key: 'kind', label: t('review.kind'), value: text(kind.label), step: 0, focus: 'input[name="kind"]:checked' },
    { key: 'subjectType', label: t('review.subject'), value: text(subject?.label), step: 1, focus: 'input[name="subjectType"]:checked' },
    ...(variant
      ? [{ key: 'variant', label: t('review.variant'), value: text(variant.label), step: 1, focus: 'input[name="variant"]:checked' }]
      : []),
    ...fields.map((field) => ({
      key: `fields.${field.key}`,
      label: text(field.label),
      value: shown(field),
      step: 2,
      focus: `#field-${field.key}`,
    })),
    ...(ownerCode
      ? [
          {
            key: 'owner',
            label: t('review.owner'),
            value: t(ownerCode.verified ? 'review.ownerVerified' : 'review.ownerNotVerified'),
            step: 2,
            focus: '.owner-code button, .owner-code input',
          },
        ]
      : []),
    { key: 'contact.name', label: t('contact.name'), value: draft.contact.name.trim(), step: 2, focus: '#contact-name' },
    {
      key: 'contact.email',
      label: t('contact.email'),
      value: draft.contact.email.trim() || t('review.empty'),
      step: 2,
      focus: '#contact-email',
    },
    {
      key: 'contact.phone',
      label: t('contact.phone'),
      value: draft.contact.phone.trim() || t('review.empty'),
      step: 2,
      focus: '#contact-phone',
    },
    {
      key: 'contact.locale',
      label: t('contact.locale'),
      value: t(contactLocale === 'en' ? 'locale.en' : 'locale.zh-CN'),
      step: 2,
      focus: '#contact-locale',
    },
    ...slots.map((slot) => {
      const picked = materials.files[slot.key];
      return {
        key: `slot.${slot.key}`,
        label: text(slot.label),
        value: picked ? `${picked.file.name} · ${formatBytes(picked.file.size)}` : t('review.noFile'),
        step: 3,
        focus: `#slot-${slot.key}`,
      };
    }),
  ];
  return (
    <div className="step-body">
      <h2 className="step-heading" tabIndex={-1}>
        {t('review.heading')}
      </h2>
      <p className="intro">{t('review.intro')}</p>
      <dl className="check-answers">
        {rows.map((row) => (
          <div key={row.key} className="check-answers-row" data-answer={row.key}>
            <dt>{row.label}</dt>
            <dd className={row.key === 'owner' && ownerCode?.verified ? 'owner-verified' : undefined}>{row.value}</dd>
            <dd className="check-answers-action">
              <button
                type="button"
                className="button-link"
                aria-label={t('review.changeWhat', { label: row.label })}
                onClick={() => onChange(row.step, row.focus)}
                disabled={disabled}
              >
                {t('review.edit')}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p className="consent">{t('review.consent')}</p>
    </div>
  );
}
