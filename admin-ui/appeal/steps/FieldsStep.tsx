import { Fragment, type ReactNode } from 'react';
import type { CatalogField, FieldType, Locale } from '../catalog';
import type { Draft, Errors } from '../draft';
import { useI18n } from '../i18n';
import { FormField, type FormFieldProps } from '../parts/FormField';
import { maxLengthOf } from '../validation';

type ContactKey = 'name' | 'email' | 'phone';

interface FieldsStepProps {
  fields: readonly CatalogField[];
  draft: Draft;
  errors: Errors;
  onField: (field: CatalogField, value: string) => void;
  onFieldBlur: (field: CatalogField) => void;
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
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  account_id: { inputMode: 'numeric' },
  text: {},
  select: { control: 'select' },
  textarea: { control: 'textarea' },
};

/** Step 3: the fields of the chosen kind, subject type and variant, then how we reach the customer. */
export function FieldsStep({ fields, draft, errors, onField, onFieldBlur, onContact, onContactBlur, onContactLocale, ownerCode }: FieldsStepProps) {
  const { t, text, errorText, locale } = useI18n();
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
              hint={field.hint ? text(field.hint) : undefined}
              required={field.required}
              error={error(`fields.${field.key}`)}
              value={draft.fields[field.key] ?? ''}
              onChange={(value) => onField(field, value)}
              onBlur={() => onFieldBlur(field)}
              options={field.options?.map((o) => ({ value: o.value, label: text(o.label) }))}
              placeholder={field.type === 'select' ? t('fields.choose') : undefined}
              maxLength={maxLengthOf(field)}
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
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
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
