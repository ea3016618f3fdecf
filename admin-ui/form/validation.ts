// The server's own rules (server/src/catalog/identifiers.ts and quantities.ts, free of zod to keep this bundle
// small), so the customer sees a mistake at once; one dictionary entry explains a code found on either side.
import { amountProblem, checklistValue, dateProblem } from '../../server/src/catalog/quantities';
import {
  chosenDocument,
  creditCodeProblem as creditCodeRule,
  isValidAccountId,
  isValidEmail,
  residentIdProblem as residentIdRule,
  contactPhoneProblem,
  normaliseMobile,
  orgCodeProblem,
  organisationCodeChoice,
  organisationCodesOf,
  travelDocumentRules,
  type IdentifierErrorCode,
} from '../../server/src/catalog/identifiers';
import type { CatalogField } from './catalog';

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'resident_id.length'
  | 'resident_id.format'
  | 'resident_id.checksum'
  | 'resident_id.birth_date'
  | 'resident_id.under_age'
  | 'credit_code.length'
  | 'credit_code.format'
  | 'credit_code.checksum'
  | 'mobile.format'
  | 'email.format'
  | 'account_id.format'
  | 'select.not_an_option'
  | 'date.format'
  | 'date.future'
  | 'amount.format'
  | 'amount.range'
  | 'contact_required'
  | IdentifierErrorCode;

// One rule for each code on both sides: the customer is told a mistake as the server would find it.
const residentIdProblem = (value: string, options: { now?: Date; minAge?: number }): FieldErrorCode | null => {
  const problem = residentIdRule(value, options);
  return problem ? `resident_id.${problem}` : null;
};

const creditCodeProblem = (value: string): FieldErrorCode | null => {
  const problem = creditCodeRule(value);
  return problem ? `credit_code.${problem}` : null;
};

/** A person's number on the chosen document (the field's first when none is chosen); the server's own rules. */
function personIdProblem(field: CatalogField, value: string, now: Date | undefined, choice: string | undefined): FieldErrorCode | null {
  const document = chosenDocument(field, choice);
  if (!document) return 'id_document.not_accepted';
  if (document === 'resident_id') return residentIdProblem(value, { now, minAge: minAgeOf(field) });
  const rule = travelDocumentRules[document];
  return rule.number(value) ? null : rule.problem;
}

/** A credit code, or where the field takes one a GB 11714 organisation code, told apart by length as the server does. */
function organisationCodeProblem(field: CatalogField, value: string): FieldErrorCode | null {
  const code = organisationCodeChoice(value, organisationCodesOf(field));
  if (code === null) return 'org_code.length';
  if (code === 'credit_code') return creditCodeProblem(value);
  const problem = orgCodeProblem(value);
  return problem ? `org_code.${problem}` : null;
}


// The catalog publishes the server's own limits for each field.
export const minAgeOf = (field: CatalogField): number | undefined => field.minAge;
export const maxLengthOf = (field: CatalogField): number | undefined => field.maxLength;

/** One field's value: blank is 'required' or fine; anything else is checked by the field's type (and chosen document). */
export function fieldProblem(field: CatalogField, raw: string | undefined, now?: Date, document?: string): FieldErrorCode | null {
  const value = (raw ?? '').trim();
  if (value === '') return field.required ? 'required' : null;
  switch (field.type) {
    case 'resident_id':
      return personIdProblem(field, value, now, document);
    case 'credit_code':
      return organisationCodeProblem(field, value);
    case 'mobile':
      return normaliseMobile(value) ? null : 'mobile.format';
    case 'contact_phone':
      return contactPhoneProblem(value);
    case 'email':
      return isValidEmail(value) ? null : 'email.format';
    case 'account_id':
      return isValidAccountId(value) ? null : 'account_id.format';
    case 'select':
      return field.options?.some((option) => option.value === value) ? null : 'select.not_an_option';
    case 'checklist':
      return checklistValue(value, (field.options ?? []).map((o) => o.value)) === null ? 'select.not_an_option' : null;
    case 'date':
      return dateProblem(value, now);
    case 'amount':
      return amountProblem(value, { min: field.min, max: field.max });
    case 'text':
    case 'textarea': {
      const max = maxLengthOf(field);
      return max !== undefined && value.length > max ? 'too_long' : null;
    }
  }
}

export interface ContactDraft {
  name: string;
  email: string;
  phone: string;
}

export type ContactErrors = Partial<Record<'name' | 'email' | 'phone' | 'contact', FieldErrorCode>>;

/** The contact block: a name, and at least one of email and phone, each valid when given. */
export function contactProblems(contact: ContactDraft): ContactErrors {
  const errors: ContactErrors = {};
  const name = contact.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > 100) errors.name = 'too_long';
  const email = contact.email.trim();
  const phone = contact.phone.trim();
  if (email !== '' && !isValidEmail(email)) errors.email = 'email.format';
  const phoneProblem = phone === '' ? null : contactPhoneProblem(phone);
  if (phoneProblem) errors.phone = phoneProblem;
  if (email === '' && phone === '') errors.contact = 'contact_required';
  return errors;
}
