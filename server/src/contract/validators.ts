// The field rules of docs/rules.md without zod: the public form checks with this file (keeping zod out of its
// bundle), and the server's field schemas (catalog/declaredFields.ts) wrap fieldRule, so both find the same mistakes.
import type { FieldType, PersonDocument } from '../catalog/codes';
import {
  contactPhoneProblem,
  creditCodeProblem,
  isValidAccountId,
  isValidEmail,
  normaliseContactPhone,
  normaliseCreditCode,
  normaliseMobile,
  normaliseOrgCode,
  normaliseResidentId,
  orgCodeProblem,
  organisationCodeChoice,
  organisationCodesOf,
  residentIdProblem,
  travelDocumentRules,
  type CreditCodeProblem,
  type IdentifierErrorCode,
  type ResidentIdProblem,
} from '../catalog/identifiers';
import { amountProblem, checklistValue, dateProblem } from '../catalog/quantities';

export * from '../catalog/identifiers';
export * from '../catalog/quantities';

export type FieldRuleCode =
  | 'too_long'
  | `resident_id.${ResidentIdProblem}`
  | `credit_code.${CreditCodeProblem}`
  | 'mobile.format'
  | 'email.format'
  | 'account_id.format'
  | 'select.not_an_option'
  | 'date.format'
  | 'date.future'
  | 'amount.format'
  | 'amount.range'
  | IdentifierErrorCode;

/** A value normalised, or the code of what is wrong with it (a key of catalog/fieldErrors.ts). */
export type FieldOutcome = { ok: true; value: string } | { ok: false; code: FieldRuleCode };

/** What the rules read of a catalog field: the server's definition and the published one both carry it. */
export interface RuledField {
  key: string;
  type: FieldType;
  documents?: readonly string[] | undefined;
  options?: readonly { value: string }[] | undefined;
  maxLength?: number | undefined;
  minAge?: number | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

const ok = (value: string): FieldOutcome => ({ ok: true, value });
const refuse = (code: FieldRuleCode): FieldOutcome => ({ ok: false, code });
const optionValues = (field: RuledField) => (field.options ?? []).map((option) => option.value);

function personId(value: string, document: PersonDocument, now: Date | undefined, minAge: number | undefined): FieldOutcome {
  if (document === 'resident_id') {
    const problem = residentIdProblem(value, { now, minAge });
    return problem ? refuse(`resident_id.${problem}`) : ok(normaliseResidentId(value));
  }
  const rule = travelDocumentRules[document];
  const number = rule.number(value);
  return number ? ok(number) : refuse(rule.problem);
}

/** A credit code, or where the field takes one a GB 11714 organisation code, told apart by length. */
function organisationCode(value: string, field: RuledField): FieldOutcome {
  const code = organisationCodeChoice(value, organisationCodesOf(field));
  if (code === null) return refuse('org_code.length');
  if (code === 'org_code') {
    const problem = orgCodeProblem(value);
    return problem ? refuse(`org_code.${problem}`) : ok(normaliseOrgCode(value));
  }
  const problem = creditCodeProblem(value);
  return problem ? refuse(`credit_code.${problem}`) : ok(normaliseCreditCode(value));
}

/**
 * One filled-in value (trimmed, not blank) by its field's type; a person's number by `document`, the one chosen
 * beside it (resident ID when none is given).
 */
export function fieldRule(
  field: RuledField,
  value: string,
  options: { now?: Date | undefined; document?: PersonDocument | undefined } = {},
): FieldOutcome {
  const { now } = options;
  switch (field.type) {
    case 'resident_id':
      return personId(value, options.document ?? 'resident_id', now, field.minAge);
    case 'credit_code':
      return organisationCode(value, field);
    case 'mobile': {
      const mobile = normaliseMobile(value);
      return mobile ? ok(mobile) : refuse('mobile.format');
    }
    case 'contact_phone': {
      const phone = normaliseContactPhone(value);
      return phone ? ok(phone) : refuse(contactPhoneProblem(value) ?? 'mobile.format');
    }
    case 'email':
      return isValidEmail(value) ? ok(value) : refuse('email.format');
    case 'account_id':
      return isValidAccountId(value) ? ok(value) : refuse('account_id.format');
    case 'text':
    case 'textarea':
      return value.length <= (field.maxLength ?? (field.type === 'text' ? 100 : 2000)) ? ok(value) : refuse('too_long');
    case 'select':
      return optionValues(field).includes(value) ? ok(value) : refuse('select.not_an_option');
    case 'checklist': {
      const ticked = checklistValue(value, optionValues(field));
      return ticked === null ? refuse('select.not_an_option') : ok(ticked);
    }
    case 'date': {
      const problem = dateProblem(value, now);
      return problem ? refuse(problem) : ok(value);
    }
    case 'amount': {
      const problem = amountProblem(value, { min: field.min, max: field.max });
      return problem ? refuse(problem) : ok(Number(value).toFixed(2));
    }
  }
}

// A name heads the desk's emails ("Dear …,"): line breaks would forge headers or paragraphs, and a web address
// there reads as the desk's own link.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const webAddress =
  /(:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|cn|net|org|info|io|xyz|top|cc|me|co|app|link|site|online|shop|vip|ru|tk|ly)\b|\b[a-z0-9-]+\.[a-z0-9-]+\/)/i;

export type PersonNameProblem = 'name.control' | 'name.url';
export type PersonNameCode = 'too_long' | PersonNameProblem;

/** The longest name the desk takes for the person it writes to. */
export const contactNameMaxLength = 100;

export function personNameProblem(value: string): PersonNameProblem | null {
  if (controlCharacters.test(value)) return 'name.control';
  if (webAddress.test(value)) return 'name.url';
  return null;
}

/** A person's name (trimmed, not blank): the server's schema and the form's contact step both judge it by this. */
export function personNameRule(
  value: string,
  maxLength = contactNameMaxLength,
): { ok: true; value: string } | { ok: false; code: PersonNameCode } {
  const problem = value.length > maxLength ? 'too_long' : personNameProblem(value);
  return problem ? { ok: false, code: problem } : { ok: true, value };
}
