import { z } from 'zod';
import type { PersonDocument } from './codes';
import { chosenDocument, documentChoiceKey, offersDocumentChoice, personDocumentsOf } from './identifiers';
import { fieldsFor } from './lookup';
import type { FieldDef, KindDef } from './schema';
import { fieldRule } from '../contract/validators';
import { ruleSchema } from './validators';

// The rules themselves are zod-free (contract/validators.ts), the very ones the public form runs.
const valueSchema = (field: FieldDef, now: Date | undefined, document: PersonDocument | undefined) =>
  ruleSchema((value) => fieldRule(field, value, { now, document: document ?? chosenDocument(field, undefined) }));

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const blankToUndefined = (raw: unknown) => (isBlank(raw) ? undefined : raw);

export const requiredValue = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

export const optionalValue = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * One field's value: blank counts as absent ('required' if the field must be filled), otherwise validated and
 * normalised; a person's number by the given document (the field's first when none is given).
 */
export function fieldValueSchema(field: FieldDef, now?: Date, document?: PersonDocument): z.ZodType<string | undefined, unknown> {
  const value = valueSchema(field, now, document);
  return field.required ? requiredValue(value) : optionalValue(value);
}

/** The customer's choice of document beside a number: one the field accepts, or absent for its first. */
const documentChoiceSchema = (field: FieldDef) => {
  const documents: readonly string[] = personDocumentsOf(field);
  return optionalValue(
    ruleSchema((value) => (documents.includes(value) ? { ok: true, value } : { ok: false, code: 'id_document.not_accepted' })),
  );
};

/** A number checked by the document paired with it; a refused choice is reported at its own key, not here again. */
const documentedValueSchema = (field: FieldDef, now: Date | undefined) =>
  z.object({ document: z.unknown(), value: z.unknown() }).transform((pair, ctx) => {
    const document = chosenDocument(field, pair.document);
    if (!document) return undefined;
    const result = fieldValueSchema(field, now, document).safeParse(pair.value);
    if (result.success) return result.data;
    for (const found of result.error.issues) ctx.addIssue({ code: 'custom', message: found.message });
    return z.NEVER;
  });

/** Each number that offers a choice of document, paired with that choice, so its own schema sees both. */
function pairWithDocuments(raw: unknown, fields: readonly FieldDef[]): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const values = raw as Record<string, unknown>;
  const paired: Record<string, unknown> = { ...values };
  for (const field of fields) paired[field.key] = { document: values[documentChoiceKey(field)], value: values[field.key] };
  return paired;
}

/**
 * The customer's `fields` object for one kind, subject type and variant. Strict: unknown keys fail with one
 * 'unrecognized_keys' issue whose message is 'unknown_field'. Every message is a code of fieldErrorMessages.
 */
export function declaredFieldsSchema(kind: string | KindDef, subjectType: string, variant?: string | null, now?: Date) {
  const shape: Record<string, z.ZodType<string | undefined, unknown>> = {};
  const fields = fieldsFor(kind, subjectType, variant);
  const chosen = fields.filter(offersDocumentChoice);
  for (const field of fields)
    shape[field.key] = offersDocumentChoice(field) ? documentedValueSchema(field, now) : fieldValueSchema(field, now);
  // The document a number is on is declared beside it (`idNumberType`), so existing clients may leave it out.
  for (const field of chosen) shape[documentChoiceKey(field)] = documentChoiceSchema(field);
  const object = z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown_field' : 'not_an_object'),
  });
  return z.preprocess((raw) => pairWithDocuments(raw, chosen), object);
}
