// The identifiers of docs/rules.md beyond the resident ID and the 18-character credit code: travel permits, passports,
// GB 11714 organisation codes and phone numbers, with their canonical forms. Plain functions without zod, so the
// public form checks with this very file (admin-ui/form/validation.ts) and the console reads the same helpers.
import { ageOn } from '../calendar/deskCalendar';
import type { OrganisationCode, PersonDocument } from './codes';

export type TravelDocument = Exclude<PersonDocument, 'resident_id'>;
export type OrgCodeProblem = 'length' | 'format' | 'checksum';
export type IdentifierErrorCode =
  | 'hk_macau_permit.format'
  | 'taiwan_permit.format'
  | 'passport.format'
  | 'id_document.not_accepted'
  | 'org_code.length'
  | 'org_code.format'
  | 'org_code.checksum'
  | 'contact_phone.international';

const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/**
 * 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and the holder's 8-digit lifelong number; the 1999 card prints two
 * more digits, the renewal count (00 on the first permit), while today's card prints the count apart. The Ministry of
 * Public Security's numbering rule (《港澳居民来往内地通行证号码规则》) says the first 9 characters name the holder
 * whatever the count, so the canonical number drops it: a renewed permit still matches the account.
 */
export function hkMacauPermitNumber(value: string): string | null {
  const id = compact(value);
  return /^[HM]\d{8}(\d{2})?$/.test(id) ? id.slice(0, 9) : null;
}

/**
 * 台湾居民来往大陆通行证: an 8-digit lifelong number (一人一号、终身不变 since 25 September 2008, China News Service,
 * 2008-09-12); older permits printed it with a 2-digit issue count after it. The canonical number is the 8 digits.
 * The older form's bracketed issuing-office letter is not accepted: those 5-year permits have all expired.
 */
export function taiwanPermitNumber(value: string): string | null {
  const id = compact(value);
  return /^\d{8}(\d{2})?$/.test(id) ? id.slice(0, 8) : null;
}

/** Any country's passport (seed 002: a company's legal representative may be a foreign national): 5 to 20 letters or digits. */
export function passportNumber(value: string): string | null {
  const id = compact(value);
  return /^[A-Z0-9]{5,20}$/.test(id) ? id : null;
}

/** The documents other than the resident ID, whose own check (check character, birth date, age) is residentIdProblem. */
export const travelDocumentRules: Record<TravelDocument, { number: (value: string) => string | null; problem: IdentifierErrorCode }> = {
  hk_macau_permit: { number: hkMacauPermitNumber, problem: 'hk_macau_permit.format' },
  taiwan_permit: { number: taiwanPermitNumber, problem: 'taiwan_permit.format' },
  passport: { number: passportNumber, problem: 'passport.format' },
};

interface DocumentedField {
  key: string;
  type: string;
  documents?: readonly string[] | undefined;
}

/** The documents a person's number may be on; a field that lists none takes resident IDs only. */
export function personDocumentsOf(field: DocumentedField): PersonDocument[] {
  if (field.type !== 'resident_id') return [];
  return (field.documents ?? ['resident_id']) as PersonDocument[];
}

/** Whether the customer chooses the document beside this number. */
export const offersDocumentChoice = (field: DocumentedField): boolean => personDocumentsOf(field).length > 1;

/** The declared value naming the document a number is on: `idNumber` → `idNumberType`, `applicantIdNumber` → `applicantIdNumberType`. */
export const documentChoiceKey = (field: Pick<DocumentedField, 'key'>): string => `${field.key}Type`;

/**
 * The document a number is on: the declared choice, the field's first document when none was made (so clients that
 * never send a choice keep working), or undefined when the choice is not one the field accepts.
 */
export function chosenDocument(field: DocumentedField, choice: unknown): PersonDocument | undefined {
  const documents = personDocumentsOf(field);
  if (choice === undefined || choice === null || (typeof choice === 'string' && choice.trim() === '')) return documents[0];
  return documents.find((document) => typeof choice === 'string' && document === choice.trim());
}

/** The codes an organisation field accepts; a field that lists none takes credit codes only. */
export function organisationCodesOf(field: DocumentedField): OrganisationCode[] {
  if (field.type !== 'credit_code') return [];
  return (field.documents ?? ['credit_code']) as OrganisationCode[];
}

/** Trimmed and upper-case, without the hyphen often written before the check character (D2143569-X). */
export const normaliseOrgCode = (value: string): string =>
  value
    .trim()
    .toUpperCase()
    .replace(/^([0-9A-Z]{8})-(?=[0-9A-Z]$)/, '$1');

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code: 8 digits or capitals (A = 10 … Z = 35), then 11 − (weighted sum mod 11), 10 as X, 11 as 0. */
export function orgCodeProblem(value: string): OrgCodeProblem | null {
  const code = normaliseOrgCode(value);
  if (code.length !== 9) return 'length';
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return 'format';
  const sum = ORG_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * parseInt(code[i] ?? '', 36), 0);
  const check = 11 - (sum % 11);
  return (check === 10 ? 'X' : check === 11 ? '0' : String(check)) === code[8] ? null : 'checksum';
}

/** Which code a value is, told by its length (18 a credit code, 9 an organisation code); null when it is neither. */
export function organisationCodeChoice(value: string, accepted: readonly OrganisationCode[]): OrganisationCode | null {
  if (accepted.length === 1) return accepted[0] ?? null;
  const length = normaliseOrgCode(value).length;
  const code: OrganisationCode | null = length === 18 ? 'credit_code' : length === 9 ? 'org_code' : null;
  return code && accepted.includes(code) ? code : null;
}

/** A mainland mobile number as 11 digits, or null; tolerates +86 / 86, spaces and dashes. */
export function normaliseMobile(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '').replace(/^(\+86|86)(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * A number the desk reaches someone at: a mainland mobile as 11 digits, else an international number in E.164 form,
 * '+', the country code and 8 to 15 digits in all (+85291234567). A +86 number must be a mainland mobile.
 */
export function normaliseContactPhone(value: string): string | null {
  const mainland = normaliseMobile(value);
  if (mainland) return mainland;
  const number = value.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(number) && !number.startsWith('+86') ? number : null;
}

/** Why a contact phone is refused: a number written as international is told the international rule. */
export function contactPhoneProblem(value: string): 'mobile.format' | 'contact_phone.international' | null {
  if (normaliseContactPhone(value)) return null;
  return /^\+(?!\s*8\s*6)/.test(value.trim()) ? 'contact_phone.international' : 'mobile.format';
}

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

// zod's email pattern (z.regexes.email), kept here so the form checks an address exactly as the server does.
// Character for character zod's (a test compares the two), escapes included.
// eslint-disable-next-line no-useless-escape
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export function isValidEmail(value: string): boolean {
  const email = value.trim();
  return email.length <= 254 && EMAIL_PATTERN.test(email);
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
