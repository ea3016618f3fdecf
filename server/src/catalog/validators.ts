import { z } from 'zod';
import { contactNameMaxLength, fieldRule, personNameRule, type RuledField } from '../contract/validators';
import { normaliseMobile, type ResidentIdOptions } from './identifiers';
import type { OrganisationCode, PersonDocument } from './codes';

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

// Each a field type's rule (contract/validators.ts) as a schema, for values outside a catalog field.
const byRule = (field: RuledField, options?: Parameters<typeof fieldRule>[2]) => ruleSchema((value) => fieldRule(field, value, options));

export const residentIdSchema = (options: ResidentIdOptions = {}) =>
  byRule({ key: 'residentId', type: 'resident_id', minAge: options.minAge }, { now: options.now });
export const creditCodeSchema = () => byRule({ key: 'creditCode', type: 'credit_code' });
export const mobileSchema = () => byRule({ key: 'mobile', type: 'mobile' });
export const emailSchema = () => byRule({ key: 'email', type: 'email' });
export const accountIdSchema = () => byRule({ key: 'accountId', type: 'account_id' });

/** A person's name by the contract's rule (contract/validators.ts), the one the public form runs before sending. */
export const personNameSchema = (maxLength = contactNameMaxLength) => ruleSchema((value) => personNameRule(value, maxLength));

/** A person's identity number on the given document: a resident ID with its checks, a permit or a passport by its format. */
export const personIdSchema = (document: PersonDocument, options: ResidentIdOptions = {}) =>
  byRule({ key: 'idNumber', type: 'resident_id', documents: [document], minAge: options.minAge }, { now: options.now, document });

/** An organisation's code: a credit code, or where accepted a GB 11714 organisation code, told apart by length. */
export const organisationCodeSchema = (accepted: readonly OrganisationCode[] = ['credit_code']) =>
  byRule({ key: 'creditCode', type: 'credit_code', documents: accepted });

/** Where the desk reaches someone: a mainland mobile (11 digits) or an international number ('+' and digits). */
export const contactPhoneSchema = () => byRule({ key: 'phone', type: 'contact_phone' });
