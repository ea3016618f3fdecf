// The shape of GET /api/public/catalog as the appeal form reads it, and which parts apply to a choice.

export type Locale = 'zh-CN' | 'en';
export type Localized = Record<Locale, string>;

export type SubjectType = 'personal' | 'enterprise' | 'unverified';
export type FieldType = 'resident_id' | 'credit_code' | 'mobile' | 'email' | 'account_id' | 'text' | 'select' | 'textarea';
export type AcceptedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface CatalogField {
  key: string;
  type: FieldType;
  label: Localized;
  hint?: Localized;
  required: boolean;
  subjectTypes?: SubjectType[];
  variants?: string[];
  options?: { value: string; label: Localized }[];
  matches?: string;
  sensitive?: boolean;
  /** Not published by the server today; read when it is (see validation.ts for the fallbacks). */
  minAge?: number;
  maxLength?: number;
}

export interface CatalogSlot {
  key: string;
  label: Localized;
  hint: Localized;
  required: boolean;
  variants?: string[];
  accept: AcceptedType[];
  maxBytes: number;
  checks: string[];
}

export interface CatalogKind {
  key: string;
  label: Localized;
  summary: Localized;
  source: string;
  subjectTypes: SubjectType[];
  variants: { key: string; label: Localized }[];
  slaBusinessDays: number;
  effect: { code: string; label: Localized };
  preconditions: { code: string; label: Localized; variants?: string[] }[];
  fields: CatalogField[];
  materials: Partial<Record<SubjectType, CatalogSlot[]>>;
}

export interface Catalog {
  subjectTypes: { key: SubjectType; label: Localized }[];
  checks: { code: string; label: Localized }[];
  kinds: CatalogKind[];
}

interface Restricted {
  subjectTypes?: readonly SubjectType[];
  variants?: readonly string[];
}

/** The server's rule: an item restricted to subject types or variants applies only to those. */
export function appliesTo(item: Restricted, subjectType: SubjectType, variant: string | undefined): boolean {
  if (item.subjectTypes && !item.subjectTypes.includes(subjectType)) return false;
  if (item.variants && (variant === undefined || !item.variants.includes(variant))) return false;
  return true;
}

export const fieldsFor = (kind: CatalogKind, subjectType: SubjectType, variant: string | undefined): CatalogField[] =>
  kind.fields.filter((field) => appliesTo(field, subjectType, variant));

export const slotsFor = (kind: CatalogKind, subjectType: SubjectType, variant: string | undefined): CatalogSlot[] =>
  (kind.materials[subjectType] ?? []).filter((slot) => appliesTo(slot, subjectType, variant));

export const findKind = (catalog: Catalog, key: string | undefined): CatalogKind | undefined =>
  catalog.kinds.find((kind) => kind.key === key);
