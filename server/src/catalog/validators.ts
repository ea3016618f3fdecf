import { z } from 'zod';
import { contactPhoneProblem, normaliseContactPhone, normaliseMobile, normaliseOrgCode, orgCodeProblem, organisationCodeChoice, travelDocumentRules } from './identifiers';
import type { OrganisationCode, PersonDocument } from './codes';
import { ageOn } from '../calendar/deskCalendar';

export type ResidentIdProblem = 'length' | 'format' | 'checksum' | 'birth_date' | 'under_age';
export type CreditCodeProblem = 'length' | 'format' | 'checksum';
export interface ResidentIdOptions {
  now?: Date;
  minAge?: number;
}


const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

export function normaliseResidentId(value: string): string {
  return value.trim().toUpperCase();
}

function residentIdCheckChar(first17: string): string {
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return RESIDENT_ID_CHECK[sum % 11] ?? '';
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function residentIdProblem(value: string, options: ResidentIdOptions = {}): ResidentIdProblem | null {
  const id = normaliseResidentId(value);
  if (id.length !== 18) return 'length';
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  // Birth dates and ages are judged on the desk's calendar (China's), not the server's zone.
  const age = ageOn({ year, month, day }, options.now ?? new Date());
  if (year < 1900 || !isRealDate(year, month, day) || age < 0) return 'birth_date';
  if (options.minAge !== undefined && age < options.minAge) return 'under_age';
  return null;
}

export function isValidResidentId(value: string, options: ResidentIdOptions = {}): boolean {
  return residentIdProblem(value, options) === null;
}


const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function normaliseCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(value);
  if (code.length !== 18) return 'length';
  if ([...code].some((char) => !CREDIT_CODE_ALPHABET.includes(char))) return 'format';
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * CREDIT_CODE_ALPHABET.indexOf(code[i] ?? ''), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check] === code[17] ? null : 'checksum';
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}


export { normaliseContactPhone, normaliseMobile, normaliseOrgCode, orgCodeProblem } from './identifiers';

export function isValidMobile(value: string): boolean {
  return normaliseMobile(value) !== null;
}

export function isValidEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && z.regexes.email.test(email);
}

export function isValidAccountId(value: string): boolean {
  return /^\d{5,20}$/.test(value.trim());
}

/**
 * '110101********123X' for a resident ID number (its region code is not personal); any other number, a permit's,
 * a passport's or a code, shows only its last `keepLast` characters.
 */
export function maskIdentifier(value: string, keepLast = 4): string {
  const keep = Math.max(0, Math.min(keepLast, value.length));
  const tail = keep > 0 ? value.slice(-keep) : '';
  const residentId = /^[1-9]\d{16}[\dX]$/.test(value) && residentIdCheckChar(value.slice(0, 17)) === value[17];
  if (residentId && keep <= 12) return value.slice(0, 6) + '*'.repeat(12 - keep) + tail;
  if (value.length <= keepLast) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + tail;
}


type Outcome = { ok: true; value: string } | { ok: false; code: string };

/** A string schema that trims, then normalises or rejects with the outcome's code as the message. */
export function ruleSchema(rule: (value: string) => Outcome) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'not_a_string') })
    .trim()
    .transform((value, ctx) => {
      const outcome = rule(value);
      if (outcome.ok) return outcome.value;
      ctx.addIssue({ code: 'custom', message: outcome.code });
      return z.NEVER;
    });
}

export const residentIdSchema = (options: ResidentIdOptions = {}) =>
  ruleSchema((value) => {
    const problem = residentIdProblem(value, options);
    return problem ? { ok: false, code: `resident_id.${problem}` } : { ok: true, value: normaliseResidentId(value) };
  });

export const creditCodeSchema = () =>
  ruleSchema((value) => {
    const problem = creditCodeProblem(value);
    return problem ? { ok: false, code: `credit_code.${problem}` } : { ok: true, value: normaliseCreditCode(value) };
  });

export const mobileSchema = () =>
  ruleSchema((value) => {
    const mobile = normaliseMobile(value);
    return mobile ? { ok: true, value: mobile } : { ok: false, code: 'mobile.format' };
  });

export const emailSchema = () =>
  ruleSchema((value) => (isValidEmail(value) ? { ok: true, value } : { ok: false, code: 'email.format' }));

export const accountIdSchema = () =>
  ruleSchema((value) => (isValidAccountId(value) ? { ok: true, value } : { ok: false, code: 'account_id.format' }));

// A name heads the desk's emails ("Dear …,"): line breaks would forge headers or paragraphs, and a web address
// there reads as the desk's own link.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const webAddress = /(:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|cn|net|org|info|io|xyz|top|cc|me|co|app|link|site|online|shop|vip|ru|tk|ly)\b|\b[a-z0-9-]+\.[a-z0-9-]+\/)/i;

export function personNameProblem(value: string): 'name.control' | 'name.url' | null {
  if (controlCharacters.test(value)) return 'name.control';
  if (webAddress.test(value)) return 'name.url';
  return null;
}

export const personNameSchema = (maxLength: number) =>
  ruleSchema((value) => {
    const problem = value.length > maxLength ? 'too_long' : personNameProblem(value);
    return problem ? { ok: false, code: problem } : { ok: true, value };
  });

export const textSchema = (maxLength: number) =>
  ruleSchema((value) => (value.length <= maxLength ? { ok: true, value } : { ok: false, code: 'too_long' }));

export const selectSchema = (values: readonly string[]) =>
  ruleSchema((value) => (values.includes(value) ? { ok: true, value } : { ok: false, code: 'select.not_an_option' }));

/** A person's identity number on the given document: a resident ID with its checks, a permit or a passport by its format. */
export const personIdSchema = (document: PersonDocument, options: ResidentIdOptions = {}) => {
  if (document === 'resident_id') return residentIdSchema(options);
  const rule = travelDocumentRules[document];
  return ruleSchema((value) => {
    const number = rule.number(value);
    return number ? { ok: true, value: number } : { ok: false, code: rule.problem };
  });
};

/** An organisation's code: a credit code, or where accepted a GB 11714 organisation code, told apart by length. */
export const organisationCodeSchema = (accepted: readonly OrganisationCode[] = ['credit_code']) =>
  ruleSchema((value) => {
    const code = organisationCodeChoice(value, accepted);
    if (code === 'org_code') {
      const problem = orgCodeProblem(value);
      return problem ? { ok: false, code: `org_code.${problem}` } : { ok: true, value: normaliseOrgCode(value) };
    }
    if (code === null) return { ok: false, code: 'org_code.length' };
    const problem = creditCodeProblem(value);
    return problem ? { ok: false, code: `credit_code.${problem}` } : { ok: true, value: normaliseCreditCode(value) };
  });

/** Where the desk reaches someone: a mainland mobile (11 digits) or an international number ('+' and digits). */
export const contactPhoneSchema = () =>
  ruleSchema((value) => {
    const phone = normaliseContactPhone(value);
    return phone ? { ok: true, value: phone } : { ok: false, code: contactPhoneProblem(value) ?? 'mobile.format' };
  });
