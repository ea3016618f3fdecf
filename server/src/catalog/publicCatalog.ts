import { catalog } from './catalog';
import {
  checkCodes,
  identityDocuments,
  kindKeys,
  subjectTypeKeys,
  type AcceptedMimeType,
  type CheckCode,
  type EffectCode,
  type FieldType,
  type IdentityDocument,
  type KindKey,
  type MatchAttribute,
  type PreconditionCode,
  type SubjectType,
} from './codes';
import type { FieldDef, KindDef, Localized, SlotDef } from './schema';
import { documentLabels } from './labels';
import { ownerCodeRule } from './lookup';
import { variantChoices } from './selection';
import type { OwnerCodeRule } from '../contract/ownerCodes';

export interface PublicField {
  key: string;
  type: FieldType;
  label: Localized;
  hint?: Localized;
  required: boolean;
  subjectTypes?: SubjectType[];
  variants?: string[];
  options?: { value: string; label: Localized }[];
  matches?: MatchAttribute;
  sensitive?: true;
  maxLength?: number;
  minAge?: number;
  /** The documents the number may be on, the default first; a person's is chosen beside it (identifiers.ts). */
  documents?: IdentityDocument[];
  min?: number;
  max?: number;
}

export interface PublicSlot {
  key: string;
  label: Localized;
  hint: Localized;
  required: boolean;
  variants?: string[];
  accept: AcceptedMimeType[];
  maxBytes: number;
  checks: CheckCode[];
  alternative?: string;
}

export interface PublicKind {
  key: KindKey;
  label: Localized;
  summary: Localized;
  source: string;
  subjectTypes: SubjectType[];
  /** `outcome`: what the customer is told approval did, where the variant words it itself. */
  variants: { key: string; label: Localized; effect?: { code: EffectCode; label: Localized }; outcome?: Localized }[];
  slaBusinessDays: number;
  effect: { code: EffectCode; label: Localized };
  preconditions: { code: PreconditionCode; label: Localized; variants?: string[] }[];
  fields: PublicField[];
  materials: Partial<Record<SubjectType, PublicSlot[]>>;
  /** Said above the materials, by subject type (a hand-held ID photo in place of the seed's face check). */
  materialNotes?: Partial<Record<SubjectType, Localized>>;
  /** What the form tells a customer of this subject type (how they prove the account is theirs). */
  subjectTypeNotes: Partial<Record<SubjectType, Localized>>;
  /** Whether the appeal must (or may) carry a code verified on the account's on-file channel, by subject type. */
  ownerCode: Partial<Record<SubjectType, OwnerCodeRule>>;
}

export interface PublicCatalog {
  subjectTypes: { key: SubjectType; label: Localized }[];
  checks: { code: CheckCode; label: Localized }[];
  documents: { key: IdentityDocument; label: Localized; hint: Localized }[];
  kinds: PublicKind[];
}

const localized = (label: Localized): Localized => ({ 'zh-CN': label['zh-CN'], en: label.en });

// Optional keys are left out rather than set to undefined, so the JSON and deep comparisons stay clean.
const publicField = (f: FieldDef): PublicField => ({
  key: f.key,
  type: f.type,
  label: localized(f.label),
  ...(f.hint && { hint: localized(f.hint) }),
  required: f.required,
  ...(f.subjectTypes && { subjectTypes: [...f.subjectTypes] }),
  ...(f.variants && { variants: [...f.variants] }),
  ...(f.options && { options: f.options.map((o) => ({ value: o.value, label: localized(o.label) })) }),
  ...(f.matches && { matches: f.matches }),
  ...(f.sensitive && { sensitive: f.sensitive }),
  // The form checks what the server checks, from the same numbers.
  ...(f.maxLength !== undefined && { maxLength: f.maxLength }),
  ...(f.minAge !== undefined && { minAge: f.minAge }),
  ...(f.documents && { documents: [...f.documents] }),
  ...(f.min !== undefined && { min: f.min }),
  ...(f.max !== undefined && { max: f.max }),
});

const publicSlot = (s: SlotDef): PublicSlot => ({
  key: s.key,
  label: localized(s.label),
  hint: localized(s.hint),
  required: s.required,
  ...(s.variants && { variants: [...s.variants] }),
  accept: [...s.accept],
  maxBytes: s.maxBytes,
  checks: [...s.checks],
  ...(s.alternative && { alternative: s.alternative }),
});

function publicKind(kind: KindDef): PublicKind {
  const materials: Partial<Record<SubjectType, PublicSlot[]>> = {};
  const ownerCode: Partial<Record<SubjectType, OwnerCodeRule>> = {};
  for (const subjectType of kind.subjectTypes) {
    materials[subjectType] = (kind.materials[subjectType] ?? []).map(publicSlot);
    const rules = variantChoices(kind.variants).map((v) => ownerCodeRule(kind, subjectType, v));
    const rule = rules.includes('required') ? 'required' : rules.includes('optional') ? 'optional' : null;
    if (rule) ownerCode[subjectType] = rule;
  }
  return {
    key: kind.key,
    label: localized(kind.label),
    summary: localized(kind.summary),
    source: kind.source,
    subjectTypes: [...kind.subjectTypes],
    variants: kind.variants.map((v) => ({
      key: v.key,
      label: localized(v.label),
      ...(v.effect && { effect: { code: v.effect, label: localized(catalog.effects[v.effect]) } }),
      ...(v.outcome && { outcome: localized(v.outcome) }),
    })),
    slaBusinessDays: kind.slaBusinessDays,
    effect: { code: kind.effect, label: localized(catalog.effects[kind.effect]) },
    preconditions: kind.preconditions.map((p) => ({
      code: p.code,
      label: localized(catalog.preconditions[p.code]),
      ...(p.variants && { variants: [...p.variants] }),
    })),
    fields: kind.fields.map(publicField),
    materials,
    ...(kind.materialNotes && {
      materialNotes: Object.fromEntries(Object.entries(kind.materialNotes).map(([t, note]) => [t, localized(note)])),
    }),
    ownerCode,
    subjectTypeNotes: Object.fromEntries(Object.entries(kind.subjectTypeNotes ?? {}).map(([k, v]) => [k, localized(v)])),
  };
}

/** The JSON served at GET /api/public/catalog: plain data in catalog order, fresh copies on every call. */
export function publicCatalog(): PublicCatalog {
  return {
    subjectTypes: subjectTypeKeys.map((key) => ({ key, label: localized(catalog.subjectTypes[key]) })),
    checks: checkCodes.map((code) => ({ code, label: localized(catalog.checks[code]) })),
    documents: identityDocuments.map((key) => ({
      key,
      label: localized(documentLabels[key].label),
      hint: localized(documentLabels[key].hint),
    })),
    kinds: kindKeys.map((key) => publicKind(catalog.kinds[key])),
  };
}
