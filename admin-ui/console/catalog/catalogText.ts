import { chosenDocument, documentChoiceKey, offersDocumentChoice } from '../../../server/src/contract/validators';
import type { LocalizedMessage, PublicCatalog, PublicField, PublicKind, PublicSlot, SubjectType } from '../types';

// Pure look-ups from keys to catalog labels; each falls back to the key so nothing renders blank.

export const localize = (text: LocalizedMessage | undefined, locale: string): string | undefined =>
  text ? (locale === 'en' ? text.en : text['zh-CN']) || text['zh-CN'] || text.en : undefined;

export const findKind = (catalog: PublicCatalog | undefined, kind: string): PublicKind | undefined =>
  catalog?.kinds.find((entry) => entry.key === kind);

export const findField = (catalog: PublicCatalog | undefined, kind: string, fieldKey: string): PublicField | undefined =>
  findKind(catalog, kind)?.fields.find((field) => field.key === fieldKey);

export const findMaterial = (
  catalog: PublicCatalog | undefined,
  kind: string,
  subjectType: SubjectType,
  slotKey: string,
): PublicSlot | undefined => {
  const materials = findKind(catalog, kind)?.materials ?? {};
  const bySubject = materials[subjectType]?.find((material) => material.key === slotKey);
  return (
    bySubject ??
    Object.values(materials)
      .flat()
      .find((material) => material.key === slotKey)
  );
};

export const kindLabel = (catalog: PublicCatalog | undefined, kind: string, locale: string): string =>
  localize(findKind(catalog, kind)?.label, locale) ?? kind;

export const variantLabel = (catalog: PublicCatalog | undefined, kind: string, variant: string, locale: string): string =>
  localize(findKind(catalog, kind)?.variants.find((entry) => entry.key === variant)?.label, locale) ?? variant;

export const fieldLabel = (catalog: PublicCatalog | undefined, kind: string, fieldKey: string, locale: string): string =>
  localize(findField(catalog, kind, fieldKey)?.label, locale) ?? fieldKey;

/** A declared value as the customer chose it: option fields show the option's label. */
export const fieldValue = (catalog: PublicCatalog | undefined, kind: string, fieldKey: string, value: string, locale: string): string => {
  const field = findField(catalog, kind, fieldKey);
  const labelOf = (v: string) => localize(field?.options?.find((entry) => entry.value === v)?.label, locale) ?? v;
  // A checklist holds its ticked options comma-separated, in catalog order.
  if (field?.type === 'checklist')
    return value
      .split(',')
      .filter(Boolean)
      .map(labelOf)
      .join(locale === 'en' ? ', ' : '、');
  return labelOf(value);
};

/** A declared number with the document it is on ('港澳居民来往内地通行证 **************5678'); other values as fieldValue. */
export const declaredValue = (
  catalog: PublicCatalog | undefined,
  kind: string,
  fieldKey: string,
  declared: Record<string, string>,
  locale: string,
): string => {
  const field = findField(catalog, kind, fieldKey);
  const value = declared[fieldKey] ?? '';
  if (!field || !offersDocumentChoice(field)) return fieldValue(catalog, kind, fieldKey, value, locale);
  const document = chosenDocument(field, declared[documentChoiceKey(field)]);
  const label = localize(catalog?.documents?.find((entry) => entry.key === document)?.label, locale);
  return label ? `${label} ${value}` : value;
};

/** The declared keys that name a number's document: shown with the number, not on a row of their own. */
export const documentChoiceKeys = (catalog: PublicCatalog | undefined, kind: string): Set<string> =>
  new Set(findKind(catalog, kind)?.fields.filter(offersDocumentChoice).map(documentChoiceKey) ?? []);

export const materialLabel = (
  catalog: PublicCatalog | undefined,
  kind: string,
  subjectType: SubjectType,
  slotKey: string,
  locale: string,
): string => localize(findMaterial(catalog, kind, subjectType, slotKey)?.label, locale) ?? slotKey;

export const subjectTypeLabel = (catalog: PublicCatalog | undefined, subjectType: string, locale: string): string =>
  localize(catalog?.subjectTypes.find((entry) => entry.key === subjectType)?.label, locale) ?? subjectType;

export const checkLabel = (catalog: PublicCatalog | undefined, code: string, locale: string): string =>
  localize(catalog?.checks.find((entry) => entry.code === code)?.label, locale) ?? code;
