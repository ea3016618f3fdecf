import { catalog } from './catalog';
import { kindKeys, subjectTypeKeys, type KindKey, type SubjectType } from './codes';
import type { FieldDef, KindDef, SlotDef } from './schema';
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
