// The server's own rules (server/src/contract/validators.ts, free of zod to keep this bundle small), so the customer
// sees a mistake at once, told by the same code the server would answer; one dictionary entry explains it.
import {
  chosenDocument,
  contactPhoneProblem,
  fieldRule,
  isValidEmail,
  personNameRule,
  type FieldRuleCode,
  type PersonNameCode,
} from '../../server/src/contract/validators';
import type { CatalogField } from './catalog';

export type FieldErrorCode = 'required' | 'contact_required' | FieldRuleCode | PersonNameCode;

// The catalog publishes the server's own limits for each field.
export const maxLengthOf = (field: CatalogField): number | undefined => field.maxLength;

/** One field's value: blank is 'required' or fine; anything else is checked by the field's type (and chosen document). */
export function fieldProblem(field: CatalogField, raw: string | undefined, now?: Date, document?: string): FieldErrorCode | null {
  const value = (raw ?? '').trim();
  if (value === '') return field.required ? 'required' : null;
  // A person's number is judged by the document chosen beside it (the field's first when none is chosen).
  const chosen = field.type === 'resident_id' ? chosenDocument(field, document) : undefined;
  if (field.type === 'resident_id' && !chosen) return 'id_document.not_accepted';
  const outcome = fieldRule(field, value, { now, document: chosen });
  return outcome.ok ? null : outcome.code;
}

export interface ContactDraft {
  name: string;
  email: string;
  phone: string;
}

export type ContactErrors = Partial<Record<'name' | 'email' | 'phone' | 'contact', FieldErrorCode>>;

/** The contact block: a name the server would take, and at least one of email and phone, each valid when given. */
export function contactProblems(contact: ContactDraft): ContactErrors {
  const errors: ContactErrors = {};
  const name = contact.name.trim();
  const nameOutcome = personNameRule(name);
  if (name === '') errors.name = 'required';
  else if (!nameOutcome.ok) errors.name = nameOutcome.code;
  const email = contact.email.trim();
  const phone = contact.phone.trim();
  if (email !== '' && !isValidEmail(email)) errors.email = 'email.format';
  const phoneProblem = phone === '' ? null : contactPhoneProblem(phone);
  if (phoneProblem) errors.phone = phoneProblem;
  if (email === '' && phone === '') errors.contact = 'contact_required';
  return errors;
}
