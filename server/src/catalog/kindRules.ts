import type { z } from 'zod';
import type { KindDefShape } from './schema';
import { appliesTo, variantChoices } from './selection';
import { documentChoiceKey, offersDocumentChoice } from './identifiers';

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function report(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

/** Cross-references inside one kind that a shape schema cannot express. */
export function checkKindIntegrity(kind: KindDefShape, ctx: z.RefinementCtx): void {
  const variantKeys = kind.variants.map((variant) => variant.key);
  const unknownVariants = (list: readonly string[] | undefined) => (list ?? []).filter((v) => !variantKeys.includes(v));

  for (const dup of duplicates(kind.subjectTypes)) report(ctx, ['subjectTypes'], `duplicate subject type ${dup}`);
  for (const dup of duplicates(variantKeys)) report(ctx, ['variants'], `duplicate variant ${dup}`);
  for (const dup of duplicates(kind.preconditions.map((p) => p.code))) {
    report(ctx, ['preconditions'], `duplicate precondition ${dup}`);
  }
  kind.preconditions.forEach((precondition, index) => {
    for (const v of unknownVariants(precondition.variants)) report(ctx, ['preconditions', index], `unknown variant ${v}`);
  });

  kind.fields.forEach((field, index) => {
    for (const t of field.subjectTypes ?? []) {
      if (!kind.subjectTypes.includes(t)) report(ctx, ['fields', index], `subject type ${t} not allowed by the kind`);
    }
    for (const v of unknownVariants(field.variants)) report(ctx, ['fields', index], `unknown variant ${v}`);
    // The declared document choice beside a number (idNumberType) must not be another field's key.
    if (offersDocumentChoice(field) && kind.fields.some((other) => other.key === documentChoiceKey(field))) {
      report(ctx, ['fields', index], `${documentChoiceKey(field)} is both a field and the document choice of ${field.key}`);
    }
  });

  const materialTypes = Object.keys(kind.materials);
  for (const subjectType of kind.subjectTypes) {
    const slots = kind.materials[subjectType];
    if (!slots) {
      report(ctx, ['materials'], `no materials list for ${subjectType}`);
      continue;
    }
    for (const dup of duplicates(slots.map((slot) => slot.key))) report(ctx, ['materials', subjectType], `duplicate slot ${dup}`);
    slots.forEach((slot, index) => {
      for (const v of unknownVariants(slot.variants)) report(ctx, ['materials', subjectType, index], `unknown variant ${v}`);
      if (slot.alternative !== undefined && !slots.some((other) => other.key === slot.alternative && other.key !== slot.key)) {
        report(ctx, ['materials', subjectType, index], `alternative ${slot.alternative} is not a slot of ${subjectType}`);
      }
    });
    for (const variant of variantChoices(kind.variants)) {
      const keys = kind.fields.filter((field) => appliesTo(field, subjectType, variant)).map((field) => field.key);
      for (const dup of duplicates(keys)) {
        report(ctx, ['fields'], `duplicate field ${dup} for ${subjectType}${variant ? `/${variant}` : ''}`);
      }
    }
  }
  for (const extra of materialTypes.filter((t) => !kind.subjectTypes.some((s) => s === t))) {
    report(ctx, ['materials', extra], `materials for ${extra}, which the kind does not allow`);
  }
}
