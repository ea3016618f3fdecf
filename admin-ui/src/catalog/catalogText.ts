import type { SubjectType } from '../types';
import type { Catalog, CatalogField, CatalogKind, CatalogMaterial, LocalizedText } from './catalogTypes';

// Pure look-ups from keys to catalog labels; each falls back to the key so nothing renders blank.

export const localize = (text: LocalizedText | undefined, locale: string): string | undefined =>
  text ? (locale === 'en' ? text.en : text['zh-CN']) || text['zh-CN'] || text.en : undefined;

export const findKind = (catalog: Catalog | undefined, kind: string): CatalogKind | undefined =>
  catalog?.kinds.find(entry => entry.key === kind);

export const findField = (catalog: Catalog | undefined, kind: string, fieldKey: string): CatalogField | undefined =>
  findKind(catalog, kind)?.fields.find(field => field.key === fieldKey);

export const findMaterial = (
  catalog: Catalog | undefined,
  kind: string,
  subjectType: SubjectType,
  slotKey: string,
): CatalogMaterial | undefined => {
  const materials = findKind(catalog, kind)?.materials ?? {};
  const bySubject = materials[subjectType]?.find(material => material.key === slotKey);
  return bySubject ?? Object.values(materials).flat().find(material => material.key === slotKey);
};

export const kindLabel = (catalog: Catalog | undefined, kind: string, locale: string): string =>
  localize(findKind(catalog, kind)?.label, locale) ?? kind;

export const variantLabel = (catalog: Catalog | undefined, kind: string, variant: string, locale: string): string =>
  localize(findKind(catalog, kind)?.variants.find(entry => entry.key === variant)?.label, locale) ?? variant;

export const fieldLabel = (catalog: Catalog | undefined, kind: string, fieldKey: string, locale: string): string =>
  localize(findField(catalog, kind, fieldKey)?.label, locale) ?? fieldKey;

/** A declared value as the customer chose it: option fields show the option's label. */
export const fieldValue = (
  catalog: Catalog | undefined,
  kind: string,
  fieldKey: string,
  value: string,
  locale: string,
): string => {
  const option = findField(catalog, kind, fieldKey)?.options?.find(entry => entry.value === value);
  return localize(option?.label, locale) ?? value;
};

export const materialLabel = (
  catalog: Catalog | undefined,
  kind: string,
  subjectType: SubjectType,
  slotKey: string,
  locale: string,
): string => localize(findMaterial(catalog, kind, subjectType, slotKey)?.label, locale) ?? slotKey;

export const subjectTypeLabel = (catalog: Catalog | undefined, subjectType: string, locale: string): string =>
  localize(catalog?.subjectTypes.find(entry => entry.key === subjectType)?.label, locale) ?? subjectType;

export const checkLabel = (catalog: Catalog | undefined, code: string, locale: string): string =>
  localize(catalog?.checks.find(entry => entry.code === code)?.label, locale) ?? code;
