import { Fragment, type ReactNode } from 'react';
import { chosenDocument, documentChoiceKey, offersDocumentChoice, personDocumentsOf } from '../../../server/src/contract/validators';
import type { Catalog, CatalogField, FieldType, Locale } from '../catalog';
import { documentOf, type Draft, type Errors } from '../draft';
import { useI18n } from '../i18n';
import { DocumentChoice } from '../parts/DocumentChoice';
import { FormField, type FormFieldProps } from '../parts/FormField';
import { maxLengthOf } from '../validation';

type ContactKey = 'name' | 'email' | 'phone';

interface FieldsStepProps {
  fields: readonly CatalogField[];
  draft: Draft;
  errors: Errors;
  onField: (field: CatalogField, value: string) => void;
  onFieldBlur: (field: CatalogField) => void;
  /** The document chosen beside a person's number. */
  onDocument: (field: CatalogField, document: string) => void;
  /** The catalog's documents, for their names and how their numbers are written. */
  documents: Catalog['documents'];
  onContact: (key: ContactKey, value: string) => void;
  onContactBlur: (key: ContactKey) => void;
  onContactLocale: (locale: Locale) => void;
  /** The proof-of-control part, shown right under the account ID it is for. */
  ownerCode?: ReactNode;
}

// How each field type is typed on a phone: the keyboard it opens and what the browser may fill in.
const inputs: Record<FieldType, Pick<FormFieldProps, 'control' | 'type' | 'inputMode' | 'autoComplete'>> = {
  resident_id: { inputMode: 'text' },
  credit_code: { inputMode: 'text' },
  mobile: { type: 'tel', inputMode: 'tel', autoComplete: 'tel-national' },
  contact_phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  account_id: { inputMode: 'numeric' },
  text: {},
  select: { control: 'select' },
  date: { type: 'date' },
  amount: { inputMode: 'decimal' },
  checklist: { control: 'checklist' },
  textarea: { control: 'textarea' },
};

/** Step 3: the fields of the chosen kind, subject type and variant, then how we reach the customer. */
export function FieldsStep({
  fields,
  draft,
  errors,
  onField,
  onFieldBlur,
  onDocument,
  documents,
  onContact,
  onContactBlur,
  onContactLocale,
  ownerCode,
}: FieldsStepProps) {
  const { t, text, errorText, locale } = useI18n();
  const documentEntry = (key: string | undefined) => documents?.find((d) => d.key === key);
  // A number on another document than the field's first is explained by that document's own hint.
  const hintOf = (field: CatalogField) => {
    const document = offersDocumentChoice(field) ? chosenDocument(field, documentOf(field, draft.fields)) : undefined;
    const hint = document && document !== personDocumentsOf(field)[0] ? documentEntry(document)?.hint : field.hint;
    return hint ? text(hint) : undefined;
  };
  const documentChoice = (field: CatalogField) =>
    offersDocumentChoice(field) ? (
      <DocumentChoice
        id={`field-${documentChoiceKey(field)}`}
        value={chosenDocument(field, documentOf(field, draft.fields)) ?? ''}
        options={personDocumentsOf(field).map((key) => ({ value: key, label: text(documentEntry(key)?.label) || key }))}
        onChange={(document) => onDocument(field, document)}
      />
    ) : undefined;
  const error = (key: string) => (errors[key] ? errorText(errors[key]) : undefined);
  const contactError = (key: ContactKey) => error(`contact.${key}`);
  const eitherError = error('contact');
  const either = eitherError ? { id: 'contact-error' } : undefined;
  return (
    <div className="step-body">
      <h2 className="step-heading" tabIndex={-1}>
        {t('fields.heading')}
      </h2>
      <p className="intro">{t('fields.intro')}</p>
      <div className="fields">
        {fields.map((field) => (
          <Fragment key={field.key}>
            <FormField
              id={`field-${field.key}`}
              label={text(field.label)}
              hint={hintOf(field)}
              required={field.required}
              error={
                error(`fields.${field.key}`) ?? (offersDocumentChoice(field) ? error(`fields.${documentChoiceKey(field)}`) : undefined)
              }
              value={draft.fields[field.key] ?? ''}
              onChange={(value) => onField(field, value)}
              onBlur={() => onFieldBlur(field)}
              options={field.options?.map((o) => ({ value: o.value, label: text(o.label) }))}
              placeholder={field.type === 'select' ? t('fields.choose') : undefined}
              maxLength={maxLengthOf(field)}
              before={documentChoice(field)}
              {...inputs[field.type]}
            />
            {field.type === 'account_id' && ownerCode}
          </Fragment>
        ))}
      </div>
      <fieldset className="contact">
        <legend className="step-subheading">{t('contact.heading')}</legend>
        <p className="intro">{t('contact.intro')}</p>
        <FormField
          id="contact-name"
          label={t('contact.name')}
          required
          autoComplete="name"
          value={draft.contact.name}
          error={contactError('name')}
          onChange={(value) => onContact('name', value)}
          onBlur={() => onContactBlur('name')}
        />
        <FormField
          id="contact-email"
          label={t('contact.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          value={draft.contact.email}
          error={contactError('email')}
          groupError={either}
          onChange={(value) => onContact('email', value)}
          onBlur={() => onContactBlur('email')}
        />
        <FormField
          id="contact-phone"
          label={t('contact.phone')}
          hint={t('contact.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={draft.contact.phone}
          error={contactError('phone')}
          groupError={either}
          onChange={(value) => onContact('phone', value)}
          onBlur={() => onContactBlur('phone')}
        />
        {eitherError && (
          <p className="error" id="contact-error">
            {eitherError}
          </p>
        )}
        <FormField
          id="contact-locale"
          label={t('contact.locale')}
          control="select"
          value={draft.contact.locale ?? locale}
          onChange={(value) => onContactLocale(value === 'en' ? 'en' : 'zh-CN')}
          options={[
            { value: 'zh-CN', label: t('locale.zh-CN') },
            { value: 'en', label: t('locale.en') },
          ]}
        />
      </fieldset>
    </div>
  );
}
