import { catalog } from './catalog';
import { kindKeys, subjectTypeKeys, type EffectCode, type KindKey, type SubjectType } from './codes';
import type { FieldDef, KindDef, Localized, SlotDef } from './schema';
import { appliesTo } from './selection';

export function isKindKey(value: string): value is KindKey {
  return kindKeys.some((key) => key === value);
}

export function isSubjectType(value: string): value is SubjectType {
  return subjectTypeKeys.some((key) => key === value);
}

export function getKind(key: string): KindDef | undefined {
  return isKindKey(key) ? catalog.kinds[key] : undefined;
}

function resolve(kind: string | KindDef, subjectType: string): { def: KindDef; subjectType: SubjectType } | undefined {
  const def = typeof kind === 'string' ? getKind(kind) : kind;
  if (!def || !isSubjectType(subjectType) || !def.subjectTypes.includes(subjectType)) return undefined;
  return { def, subjectType };
}

/** The fields the customer fills in; empty when the kind is unknown or does not allow the subject type. */
export function fieldsFor(kind: string | KindDef, subjectType: string, variant?: string | null): FieldDef[] {
  const found = resolve(kind, subjectType);
  if (!found) return [];
  return found.def.fields.filter((field) => appliesTo(field, found.subjectType, variant ?? undefined));
}

/** The material slots to fill; empty when the kind is unknown or does not allow the subject type. */
export function slotsFor(kind: string | KindDef, subjectType: string, variant?: string | null): SlotDef[] {
  const found = resolve(kind, subjectType);
  if (!found) return [];
  const slots = found.def.materials[found.subjectType] ?? [];
  return slots.filter((slot) => appliesTo(slot, found.subjectType, variant ?? undefined));
}

/** What approving does for this kind and variant: the variant's own effect, or the kind's. */
export function effectOf(kind: KindDef, variant?: string | null): EffectCode {
  return kind.variants.find((v) => v.key === variant)?.effect ?? kind.effect;
}

/** What the customer is told approving did: the variant's own words, else the label of the effect it applies. */
export function outcomeOf(kind: KindDef, variant?: string | null): Localized {
  return kind.variants.find((v) => v.key === variant)?.outcome ?? catalog.effects[effectOf(kind, variant)];
}

/** Why approval needs a second person for this kind and variant, or null when one agent's approval applies it. */
export function fourEyesReason(kind: string | KindDef, variant?: string | null): Localized | null {
  const def = typeof kind === 'string' ? getKind(kind) : kind;
  if (!def) return null;
  const v = def.variants.find((x) => x.key === variant);
  if (v && v.fourEyes !== undefined) return v.fourEyes;
  return def.fourEyes ?? null;
}

/**
 * Whether an appeal must carry a code verified on the account's on-file channel: required where the kind and
 * subject type ask for no file at all (seed 003: the account's security verification must work), optional where
 * files are asked, none where the appeal names no account.
 */
export function ownerCodeRule(kind: string | KindDef, subjectType: string, variant?: string | null): 'required' | 'optional' | null {
  const found = resolve(kind, subjectType);
  if (!found) return null;
  const namesAccount = fieldsFor(found.def, subjectType, variant).some((f) => f.matches === 'uin');
  if (!namesAccount) return null;
  return slotsFor(found.def, subjectType, variant).some((s) => s.required) ? 'optional' : 'required';
}
