import type { Catalog, CatalogField, CatalogKind, CatalogSlot } from '../catalog';
import { chosenDocument, offersDocumentChoice } from '../../../server/src/catalog/identifiers';
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
  onEdit: (step: number) => void;
  disabled?: boolean;
}

/** Step 5: everything entered, each part with a way back to change it. */
export function ReviewStep({ catalog, kind, draft, fields, slots, materials, ownerCode, onEdit, disabled }: ReviewStepProps) {
  const { t, text, locale } = useI18n();
  const subject = catalog.subjectTypes.find((s) => s.key === draft.subjectType);
  const variant = kind.variants.find((v) => v.key === draft.variant);
  const shown = (field: CatalogField) => {
    const value = (draft.fields[field.key] ?? '').trim();
    if (value === '') return t('review.empty');
    const option = field.options?.find((o) => o.value === value);
    if (option) return text(option.label);
    // A person's number is shown with the document it is on: 港澳居民来往内地通行证 H12345678.
    const document = offersDocumentChoice(field) ? chosenDocument(field, documentOf(field, draft.fields)) : undefined;
    const documentLabel = catalog.documents?.find((d) => d.key === document)?.label;
    return documentLabel ? `${text(documentLabel)} ${value}` : value;
  };
  const edit = (step: number) => (
    <button type="button" className="button button-quiet button-small" onClick={() => onEdit(step)} disabled={disabled}>
      {t('review.edit')}
    </button>
  );
  const contactLocale = draft.contact.locale ?? locale;
  return (
    <div className="step-body">
      <h2 className="step-heading" tabIndex={-1}>
        {t('review.heading')}
      </h2>
      <p className="intro">{t('review.intro')}</p>

      <section className="review-block">
        <div className="review-head">
          <h3>{t('review.kind')}</h3>
          {edit(0)}
        </div>
        <p>{text(kind.label)}</p>
      </section>

      <section className="review-block">
        <div className="review-head">
          <h3>{t('review.subject')}</h3>
          {edit(1)}
        </div>
        <p>{text(subject?.label)}</p>
        {variant && (
          <p>
            {t('review.variant')}: {text(variant.label)}
          </p>
        )}
      </section>

      <section className="review-block">
        <div className="review-head">
          <h3>{t('review.fields')}</h3>
          {edit(2)}
        </div>
        <dl className="review-list">
          {fields.map((field) => (
            <div key={field.key}>
              <dt>{text(field.label)}</dt>
              <dd>{shown(field)}</dd>
            </div>
          ))}
          {ownerCode && (
            <div>
              <dt>{t('review.owner')}</dt>
              <dd className={ownerCode.verified ? 'owner-verified' : undefined}>{t(ownerCode.verified ? 'review.ownerVerified' : 'review.ownerNotVerified')}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="review-block">
        <div className="review-head">
          <h3>{t('review.contact')}</h3>
          {edit(2)}
        </div>
        <dl className="review-list">
          <div>
            <dt>{t('contact.name')}</dt>
            <dd>{draft.contact.name.trim()}</dd>
          </div>
          <div>
            <dt>{t('contact.email')}</dt>
            <dd>{draft.contact.email.trim() || t('review.empty')}</dd>
          </div>
          <div>
            <dt>{t('contact.phone')}</dt>
            <dd>{draft.contact.phone.trim() || t('review.empty')}</dd>
          </div>
          <div>
            <dt>{t('contact.locale')}</dt>
            <dd>{t(contactLocale === 'en' ? 'locale.en' : 'locale.zh-CN')}</dd>
          </div>
        </dl>
      </section>

      {slots.length > 0 && (
        <section className="review-block">
          <div className="review-head">
            <h3>{t('review.materials')}</h3>
            {edit(3)}
          </div>
          <dl className="review-list">
            {slots.map((slot) => {
              const picked = materials.files[slot.key];
              return (
                <div key={slot.key}>
                  <dt>{text(slot.label)}</dt>
                  <dd>{picked ? `${picked.file.name} · ${formatBytes(picked.file.size)}` : t('review.noFile')}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
      <p className="consent">{t('review.consent')}</p>
    </div>
  );
}
