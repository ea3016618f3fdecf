import { z } from 'zod';
import type { FieldType } from './codes';
import { fieldsFor } from './lookup';
import type { FieldDef, KindDef } from './schema';
import {
  accountIdSchema,
  creditCodeSchema,
  emailSchema,
  mobileSchema,
  residentIdSchema,
  selectSchema,
  textSchema,
} from './validators';

type ValueSchema = z.ZodType<string, unknown>;

const valueSchemas: Record<FieldType, (field: FieldDef, now: Date | undefined) => ValueSchema> = {
  resident_id: (field, now) => residentIdSchema({ now, minAge: field.minAge }),
  credit_code: () => creditCodeSchema(),
  mobile: () => mobileSchema(),
  email: () => emailSchema(),
  account_id: () => accountIdSchema(),
  text: (field) => textSchema(field.maxLength ?? 100),
  textarea: (field) => textSchema(field.maxLength ?? 2000),
  select: (field) => selectSchema((field.options ?? []).map((option) => option.value)),
};

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const blankToUndefined = (raw: unknown) => (isBlank(raw) ? undefined : raw);

export const requiredValue = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

export const optionalValue = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** One field's value: blank counts as absent ('required' if the field must be filled), otherwise validated and normalised. */
export function fieldValueSchema(field: FieldDef, now?: Date): z.ZodType<string | undefined, unknown> {
  const value = valueSchemas[field.type](field, now);
  return field.required ? requiredValue(value) : optionalValue(value);
}

/**
 * The customer's `fields` object for one kind, subject type and variant. Strict: unknown keys fail with one
 * 'unrecognized_keys' issue whose message is 'unknown_field'. Every message is a code of fieldErrorMessages.
 */
export function declaredFieldsSchema(kind: string | KindDef, subjectType: string, variant?: string | null, now?: Date) {
  const shape: Record<string, z.ZodType<string | undefined, unknown>> = {};
  for (const field of fieldsFor(kind, subjectType, variant)) shape[field.key] = fieldValueSchema(field, now);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown_field' : 'not_an_object'),
  });
}
