import { z } from 'zod';
import { badRequest, zodFieldErrors } from './errors';

/** Parses input with a zod schema; a failure is a 400 with one entry per invalid field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Some fields are invalid'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(message, zodFieldErrors(result.error));
  return result.data;
}

export const idParam = z.coerce.number().int().positive();

export function parseId(raw: unknown): number {
  const result = idParam.safeParse(raw);
  if (!result.success) throw badRequest('The id must be a positive integer', { id: 'Must be a positive integer' });
  return result.data;
}
