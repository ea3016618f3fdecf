import type { FieldDef } from '../catalog';
import { documentChoiceKey, offersDocumentChoice } from '../catalog/identifiers';
import { identityDigest } from '../privacy/identityDigest';
import { maskIdNumber } from '../privacy/mask';

export type DeclaredValues = Record<string, string>;

/** A ticket's stored `fields` column as the values it holds: every one a string, else the row is broken. */
export function declaredValuesOf(stored: unknown): DeclaredValues {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) throw new Error('Stored ticket fields are not an object');
  const values: DeclaredValues = {};
  for (const [key, value] of Object.entries(stored)) {
    if (typeof value !== 'string') throw new Error(`Stored ticket field ${key} is not a string`);
    values[key] = value;
  }
  return values;
}

/** Identity numbers are kept only masked, with a keyed hash beside them for matching, and the document they are on. */
export function protectDeclaredFields(defs: readonly FieldDef[], values: DeclaredValues, hashKey: string) {
  const shown: DeclaredValues = {};
  const digests: DeclaredValues = {};
  for (const def of defs) {
    const value = values[def.key];
    if (value === undefined || value === '') continue;
    if (def.sensitive) {
      shown[def.key] = maskIdNumber(value.slice(-4)) ?? '';
      digests[def.key] = identityDigest(hashKey, value);
    } else {
      shown[def.key] = value;
    }
    const document = offersDocumentChoice(def) ? values[documentChoiceKey(def)] : undefined;
    if (document) shown[documentChoiceKey(def)] = document;
  }
  return { shown, digests };
}

/** The lower-cased text that `q` searches: reference, contact, declared names and numbers, account ID. */
export function ticketSearchText(parts: {
  reference: string;
  contactName: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  accountUin?: string | null;
  shown: DeclaredValues;
}): string {
  const words = [
    parts.reference,
    parts.contactName,
    parts.contactEmail,
    parts.contactPhone,
    parts.accountUin,
    ...Object.values(parts.shown),
  ]
    .filter((p): p is string => Boolean(p) && !p?.includes('*'))
    .map((p) => p.toLowerCase());
  // Spaces at both ends let a two-character query ("张伟") find the start or end of a word through the trigram index.
  return ` ${[...new Set(words)].join(' ')} `;
}

/** The account ID the customer declared, read from the field the catalog marks as matching `uin`. */
export function declaredAccountUin(defs: readonly FieldDef[], values: DeclaredValues): string | null {
  const def = defs.find((d) => d.matches === 'uin');
  return (def && values[def.key]) || null;
}
