// What the customer has entered so far, what of the catalog applies to it, and how it becomes the payload.
import type { AppealPayload } from './api';
import {
  accountFieldOf,
  fieldsFor,
  findKind,
  ownerCodeRuleOf,
  slotsFor,
  type Catalog,
  type CatalogField,
  type CatalogKind,
  type CatalogSlot,
  type Locale,
  type OwnerCodeRule,
  type SubjectType,
} from './catalog';
import { documentChoiceKey, offersDocumentChoice } from '../../server/src/contract/validators';
import { normaliseContactPhone, normaliseMobile, normaliseResidentId } from '../../server/src/contract/validators';
import { contactProblems, fieldProblem, type ContactDraft } from './validation';

export interface Draft {
  kind?: string;
  subjectType?: SubjectType;
  variant?: string;
  /** Values by field key; only the fields that apply to the choice are sent. */
  fields: Record<string, string>;
  contact: ContactDraft & { locale?: Locale };
  /** A code verified on the account's own channel; it holds only while the account ID is the one it was verified for. */
  owner?: OwnerVerification;
  /** Contact details the customer typed themselves: the prefill from the fields above leaves these alone. */
  typed?: Partial<Record<PrefilledContact, true>>;
}

export type PrefilledContact = 'name' | 'phone';

export interface OwnerVerification {
  /** The account ID (trimmed) the code was sent and verified for. */
  accountId: string;
  proof: string;
  /** Milliseconds since the epoch, from the verify answer's expiresInSeconds. */
  expiresAt: number;
}

export const emptyDraft: Draft = { fields: {}, contact: { name: '', email: '', phone: '' } };

/** Errors keyed as the server keys them: kind, subjectType, variant, fields.<key>, contact.<key>, contact, ownerProof. */
export type Errors = Record<string, string>;

export interface Selection {
  kind?: CatalogKind;
  fields: CatalogField[];
  slots: CatalogSlot[];
  /** The field naming the account, when one applies. */
  accountField?: CatalogField;
  /** Whether a code to the account's owner is required or optional; absent when the choice has none (or no account field). */
  ownerCode?: OwnerCodeRule;
}

export function selectionOf(catalog: Catalog, draft: Draft): Selection {
  const kind = findKind(catalog, draft.kind);
  if (!kind || !draft.subjectType || !kind.subjectTypes.includes(draft.subjectType)) return { kind, fields: [], slots: [] };
  const fields = fieldsFor(kind, draft.subjectType, draft.variant);
  const accountField = accountFieldOf(fields);
  const ownerCode = accountField ? ownerCodeRuleOf(kind, draft.subjectType) : undefined;
  return {
    kind,
    fields,
    slots: slotsFor(kind, draft.subjectType, draft.variant),
    ...(accountField && { accountField }),
    ...(ownerCode && { ownerCode }),
  };
}

/** A new kind keeps what still fits: the subject type if allowed (or the only one), the variant if it exists. */
export function withKind(catalog: Catalog, draft: Draft, kindKey: string): Draft {
  const kind = findKind(catalog, kindKey);
  if (!kind) return draft;
  const only = kind.subjectTypes.length === 1 ? kind.subjectTypes[0] : undefined;
  const subjectType = draft.subjectType && kind.subjectTypes.includes(draft.subjectType) ? draft.subjectType : only;
  const variant = kind.variants.some((v) => v.key === draft.variant) ? draft.variant : undefined;
  return { ...draft, kind: kindKey, subjectType, variant };
}

export function choiceErrors(kind: CatalogKind | undefined, draft: Draft): Errors {
  const errors: Errors = {};
  if (!kind) return { kind: 'choose' };
  if (!draft.subjectType || !kind.subjectTypes.includes(draft.subjectType)) errors.subjectType = 'choose';
  if (kind.variants.length > 0 && !kind.variants.some((v) => v.key === draft.variant)) errors.variant = 'choose';
  return errors;
}

export function fieldErrors(fields: readonly CatalogField[], draft: Draft): Errors {
  const errors: Errors = {};
  for (const field of fields) {
    const problem = fieldProblem(field, draft.fields[field.key], undefined, documentOf(field, draft.fields));
    if (problem) errors[`fields.${field.key}`] = problem;
  }
  for (const [key, problem] of Object.entries(contactProblems(draft.contact))) {
    errors[key === 'contact' ? 'contact' : `contact.${key}`] = problem;
  }
  return errors;
}

/** The account ID as typed in the account field (trimmed); '' when no account field applies. */
export const accountIdOf = (draft: Draft, selection: Selection): string =>
  selection.accountField ? (draft.fields[selection.accountField.key] ?? '').trim() : '';

const withoutOwner = (draft: Draft): Draft => {
  if (!draft.owner) return draft;
  const { owner: _dropped, ...rest } = draft;
  return rest;
};

/** A field's new value; a different account ID drops the verification, which was for the account named before. */
export function withFieldValue(draft: Draft, field: CatalogField, value: string): Draft {
  const next: Draft = { ...draft, fields: { ...draft.fields, [field.key]: value } };
  return field.type === 'account_id' && draft.owner && value.trim() !== draft.owner.accountId ? withoutOwner(next) : next;
}

/** A code verified for `accountId`: its proof lasts `expiresInSeconds` from `now`. */
export const withOwnerVerified = (draft: Draft, accountId: string, proof: string, expiresInSeconds: number, now: number): Draft => ({
  ...draft,
  owner: { accountId: accountId.trim(), proof, expiresAt: now + expiresInSeconds * 1000 },
});

/** The server refused the proof: it is forgotten, so the customer can get a new code. */
export const withOwnerRefused = withoutOwner;

/** The proof to send: only where the choice takes one, for the account ID now typed, and before it expires. */
export function ownerProofOf(draft: Draft, selection: Selection, now: number): string | undefined {
  const owner = draft.owner;
  if (!selection.ownerCode || !owner) return undefined;
  if (owner.accountId === '' || owner.accountId !== accountIdOf(draft, selection) || owner.expiresAt <= now) return undefined;
  return owner.proof;
}

/** A required code not (or no longer) verified keeps the customer on the fields step. */
export function ownerErrors(selection: Selection, draft: Draft, now: number): Errors {
  if (selection.ownerCode !== 'required' || ownerProofOf(draft, selection, now)) return {};
  const expired = draft.owner !== undefined && draft.owner.accountId === accountIdOf(draft, selection);
  return { ownerProof: expired ? 'owner_proof_expired' : 'owner_code_required' };
}

/** The error code shown for a server's refusal of the proof: ours, in the page's language, not the server's words. */
export const ownerProofErrorOf = (serverCode: string): string =>
  serverCode === 'OWNER_CODE_REQUIRED' ? 'owner_code_required' : 'owner_proof_invalid';

/** The document chosen beside a person's number, as the customer left it; undefined for the field's first. */
export const documentOf = (field: CatalogField, values: Record<string, string>): string | undefined =>
  offersDocumentChoice(field) ? values[documentChoiceKey(field)] : undefined;

/** A new choice of document for a number; the number stays, to be checked against the new document's rule. */
export const withDocument = (draft: Draft, field: CatalogField, document: string): Draft => ({
  ...draft,
  fields: { ...draft.fields, [documentChoiceKey(field)]: document },
});

/** The tidy form of a value once the customer leaves the field: trimmed; ID numbers and credit codes upper-case. */
export function tidyValue(field: CatalogField, value: string): string {
  if (field.type === 'resident_id') return normaliseResidentId(value);
  if (field.type === 'credit_code') return value.trim().toUpperCase();
  return field.type === 'textarea' ? value : value.trim();
}

/** What is sent; `now` decides whether a verified code's proof is still good. */
export function payloadOf(draft: Draft, selection: Selection, locale: Locale, now: number): AppealPayload {
  const fields: Record<string, string> = {};
  for (const field of selection.fields) {
    const value = (draft.fields[field.key] ?? '').trim();
    if (value !== '') fields[field.key] = value;
    const document = documentOf(field, draft.fields);
    if (value !== '' && document) fields[documentChoiceKey(field)] = document;
  }
  const email = draft.contact.email.trim();
  const phone = draft.contact.phone.trim();
  const ownerProof = ownerProofOf(draft, selection, now);
  return {
    kind: draft.kind ?? '',
    subjectType: draft.subjectType ?? 'personal',
    ...(draft.variant !== undefined && { variant: draft.variant }),
    fields,
    contact: {
      name: draft.contact.name.trim(),
      ...(email !== '' && { email }),
      ...(phone !== '' && { phone }),
      locale: draft.contact.locale ?? locale,
    },
    ...(ownerProof !== undefined && { ownerProof }),
  };
}

/**
 * The fields the contact name and phone are asked once through: the person's name (the real name, else an applicant's
 * or handler's name; never a company's) and the phone they use now (never the account's security phone on file).
 */
export function contactSourcesOf(fields: readonly CatalogField[]): Partial<Record<PrefilledContact, CatalogField>> {
  const personName = (f: CatalogField) =>
    f.type === 'text' && f.matches !== 'companyName' && (f.matches === 'realName' || /Name$/.test(f.key));
  const name = fields.find((f) => f.matches === 'realName') ?? fields.find(personName);
  const phone = fields.find((f) => f.type === 'contact_phone') ?? fields.find((f) => f.type === 'mobile' && f.matches !== 'securityPhone');
  return { ...(name && { name }), ...(phone && { phone }) };
}

/** The contact name and phone follow their source fields until the customer types them; a phone only once it is valid. */
export function withContactPrefill(draft: Draft, fields: readonly CatalogField[]): Draft {
  const sources = contactSourcesOf(fields);
  const contact = { ...draft.contact };
  if (sources.name && !draft.typed?.name) contact.name = (draft.fields[sources.name.key] ?? '').trim();
  if (sources.phone && !draft.typed?.phone) {
    const value = (draft.fields[sources.phone.key] ?? '').trim();
    const valid = sources.phone.type === 'mobile' ? normaliseMobile(value) : normaliseContactPhone(value);
    contact.phone = valid ? value : '';
  }
  return contact.name === draft.contact.name && contact.phone === draft.contact.phone ? draft : { ...draft, contact };
}

/** What is kept of a draft between visits: the answers of the current choice only, and never the owner proof. */
export function keptOf(draft: Draft, selection: Selection): Omit<Draft, 'owner'> {
  const fields: Record<string, string> = {};
  for (const field of selection.fields) {
    const value = draft.fields[field.key];
    if (value !== undefined && value !== '') fields[field.key] = value;
    const document = documentOf(field, draft.fields);
    if (document) fields[documentChoiceKey(field)] = document;
  }
  const { owner: _owner, ...rest } = draft;
  return { ...rest, fields };
}

/** Whether the customer has given any answer yet. */
export const isBlank = (draft: Draft): boolean =>
  draft.kind === undefined && Object.values(draft.fields).every((v) => v === '') && Object.values(draft.contact).every((v) => !v);

/** The step where an error the server reported can be fixed. */
export function stepOfError(key: string, slotKeys: readonly string[]): number | undefined {
  if (key === 'kind') return 0;
  if (key === 'subjectType' || key === 'variant') return 1;
  if (key.startsWith('fields.') || key === 'contact' || key.startsWith('contact.') || key === 'ownerProof') return 2;
  if (slotKeys.includes(key)) return 3;
  return undefined;
}
