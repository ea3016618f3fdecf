// What the customer has entered so far, what of the catalog applies to it, and how it becomes the payload.
import type { AppealPayload } from './api';
import { fieldsFor, findKind, slotsFor, type Catalog, type CatalogField, type CatalogKind, type CatalogSlot, type Locale, type SubjectType } from './catalog';
import { contactProblems, fieldProblem, normaliseResidentId, type ContactDraft } from './validation';

export interface Draft {
  kind?: string;
  subjectType?: SubjectType;
  variant?: string;
  /** Values by field key; only the fields that apply to the choice are sent. */
  fields: Record<string, string>;
  contact: ContactDraft & { locale?: Locale };
}

export const emptyDraft: Draft = { fields: {}, contact: { name: '', email: '', phone: '' } };

/** Errors keyed as the server keys them: kind, subjectType, variant, fields.<key>, contact.<key>, contact. */
export type Errors = Record<string, string>;

export interface Selection {
  kind?: CatalogKind;
  fields: CatalogField[];
  slots: CatalogSlot[];
}

export function selectionOf(catalog: Catalog, draft: Draft): Selection {
  const kind = findKind(catalog, draft.kind);
  if (!kind || !draft.subjectType || !kind.subjectTypes.includes(draft.subjectType)) return { kind, fields: [], slots: [] };
  return { kind, fields: fieldsFor(kind, draft.subjectType, draft.variant), slots: slotsFor(kind, draft.subjectType, draft.variant) };
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
    const problem = fieldProblem(field, draft.fields[field.key]);
    if (problem) errors[`fields.${field.key}`] = problem;
  }
  for (const [key, problem] of Object.entries(contactProblems(draft.contact))) {
    errors[key === 'contact' ? 'contact' : `contact.${key}`] = problem;
  }
  return errors;
}

/** The tidy form of a value once the customer leaves the field: trimmed; ID numbers and credit codes upper-case. */
export function tidyValue(field: CatalogField, value: string): string {
  if (field.type === 'resident_id') return normaliseResidentId(value);
  if (field.type === 'credit_code') return value.trim().toUpperCase();
  return field.type === 'textarea' ? value : value.trim();
}

export function payloadOf(draft: Draft, selection: Selection, locale: Locale): AppealPayload {
  const fields: Record<string, string> = {};
  for (const field of selection.fields) {
    const value = (draft.fields[field.key] ?? '').trim();
    if (value !== '') fields[field.key] = value;
  }
  const email = draft.contact.email.trim();
  const phone = draft.contact.phone.trim();
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
  };
}

/** The step where an error the server reported can be fixed. */
export function stepOfError(key: string, slotKeys: readonly string[]): number | undefined {
  if (key === 'kind') return 0;
  if (key === 'subjectType' || key === 'variant') return 1;
  if (key.startsWith('fields.') || key === 'contact' || key.startsWith('contact.')) return 2;
  if (slotKeys.includes(key)) return 3;
  return undefined;
}
