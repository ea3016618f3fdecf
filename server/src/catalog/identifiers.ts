// The identifiers of DOMAIN.md beyond the resident ID and the 18-character credit code: travel permits, passports,
// GB 11714 organisation codes and phone numbers, with their canonical forms. Plain functions without zod, so the
// public form checks with this very file (admin-ui/appeal/validation.ts) and the console reads the same helpers.
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
export const normaliseOrgCode = (value: string): string => value.trim().toUpperCase().replace(/^([0-9A-Z]{8})-(?=[0-9A-Z]$)/, '$1');

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
