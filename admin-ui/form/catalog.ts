// The shape of GET /api/public/catalog as the appeal form reads it, and which parts apply to a choice.

import type { PublicCatalog, PublicField, PublicKind, PublicSlot } from '../../server/src/catalog/publicCatalog';

// Types only: the server's own definitions of the JSON, erased from the bundle.
import type { AcceptedMimeType, FieldType, Localized, SubjectType } from '../../server/src/catalog';
import type { OwnerCodeRule } from '../../server/src/contract/ownerCodes';
export type { FieldType, Localized, OwnerCodeRule, SubjectType };
export type AcceptedType = AcceptedMimeType;
export type Locale = 'zh-CN' | 'en';
export type CatalogField = PublicField;
export type CatalogSlot = PublicSlot;
export type CatalogKind = PublicKind;
export type Catalog = PublicCatalog;

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

/** Whether an appeal of this kind and subject type must carry a code verified on the account's own channel, or may. */
export const ownerCodeRuleOf = (kind: CatalogKind, subjectType: SubjectType): OwnerCodeRule | undefined => kind.ownerCode?.[subjectType];

/** The field in which the customer names the account: where a code to its owner is asked for. */
export const accountFieldOf = (fields: readonly CatalogField[]): CatalogField | undefined =>
  fields.find((field) => field.type === 'account_id');
