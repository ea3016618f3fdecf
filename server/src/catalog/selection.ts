import type { SubjectType } from './codes';

export interface Restricted {
  subjectTypes?: readonly SubjectType[] | undefined;
  variants?: readonly string[] | undefined;
}

/** Whether a field, slot or precondition applies to this subject type and variant (no restriction = always). */
export function appliesTo(item: Restricted, subjectType: SubjectType, variant?: string): boolean {
  if (item.subjectTypes && !item.subjectTypes.includes(subjectType)) return false;
  if (item.variants && (variant === undefined || !item.variants.includes(variant))) return false;
  return true;
}

export function variantChoices(variants: readonly { key: string }[]): (string | undefined)[] {
  return variants.length > 0 ? variants.map((variant) => variant.key) : [undefined];
}
