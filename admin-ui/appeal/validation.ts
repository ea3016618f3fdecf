// The server's validators (server/src/catalog/validators.ts), mirrored so the customer sees a mistake at once.
// The codes are the server's too, so one dictionary entry explains a mistake found on either side.
import { amountProblem, checklistValue, dateProblem } from '../../server/src/catalog/quantities';
import { deskDay } from '../../server/src/calendar/deskCalendar';
import {
  chosenDocument,
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

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** Trimmed, with a lower-case x as the check character made upper-case. */
export const normaliseResidentId = (value: string) => value.trim().toUpperCase();

// Birth dates and ages are judged on the desk's calendar (China's), as the server does.
const chinaDay = (now: Date): number => Number(deskDay(now).replaceAll('-', ''));

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function residentIdProblem(value: string, options: { now?: Date; minAge?: number } = {}): FieldErrorCode | null {
  const id = normaliseResidentId(value);
  if (id.length !== 18) return 'resident_id.length';
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'resident_id.format';
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  if (RESIDENT_ID_CHECK[sum % 11] !== id[17]) return 'resident_id.checksum';
  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const born = year * 10000 + month * 100 + day;
  const today = chinaDay(options.now ?? new Date());
  if (year < 1900 || !isRealDate(year, month, day) || born > today) return 'resident_id.birth_date';
  if (options.minAge !== undefined && Math.floor((today - born) / 10000) < options.minAge) return 'resident_id.under_age';
  return null;
}

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeProblem(value: string): FieldErrorCode | null {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return 'credit_code.length';
  if ([...code].some((char) => !CREDIT_CODE_ALPHABET.includes(char))) return 'credit_code.format';
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * CREDIT_CODE_ALPHABET.indexOf(code[i] ?? ''), 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] === code[17] ? null : 'credit_code.checksum';
}

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

// zod's email pattern, which the server uses.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const isValidEmail = (value: string) => value.trim().length <= 254 && EMAIL.test(value.trim());

export const isValidAccountId = (value: string) => /^\d{5,20}$/.test(value.trim());

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
