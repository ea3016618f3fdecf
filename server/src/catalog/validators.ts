import { z } from 'zod';
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
  residentIdProblem,
  travelDocumentRules,
  type ResidentIdOptions,
} from './identifiers';
import type { OrganisationCode, PersonDocument } from './codes';
import { amountProblem, checklistValue, dateProblem } from './quantities';

export {
  creditCodeProblem,
  isValidAccountId,
  isValidCreditCode,
  isValidEmail,
  isValidResidentId,
  maskIdentifier,
  normaliseCreditCode,
  normaliseResidentId,
  residentIdProblem,
  type CreditCodeProblem,
  type ResidentIdOptions,
  type ResidentIdProblem,
} from './identifiers';
export { normaliseContactPhone, normaliseMobile, normaliseOrgCode, orgCodeProblem } from './identifiers';

export function isValidMobile(value: string): boolean {
  return normaliseMobile(value) !== null;
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

export const dateSchema = (now?: Date) =>
  ruleSchema((value) => {
    const problem = dateProblem(value, now);
    return problem ? { ok: false, code: problem } : { ok: true, value };
  });

export const amountSchema = (bounds: { min?: number; max?: number }) =>
  ruleSchema((value) => {
    const problem = amountProblem(value, bounds);
    return problem ? { ok: false, code: problem } : { ok: true, value: Number(value).toFixed(2) };
  });

export const checklistSchema = (options: readonly string[]) =>
  ruleSchema((value) => {
    const normalised = checklistValue(value, options);
    return normalised === null ? { ok: false, code: 'select.not_an_option' } : { ok: true, value: normalised };
  });
