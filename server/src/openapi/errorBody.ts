import { z } from 'zod';

/** The one error shape every route answers with (http/errors.ts, errorHandler). */
export const errorBodySchema = z.looseObject({
  code: z.string().describe('Machine-readable, e.g. INVALID_INPUT, STALE, RATE_LIMITED'),
  message: z.string(),
  errors: z.record(z.string(), z.string()).optional().describe('One message per invalid field, keyed by its path (`contact.email`)'),
  retryAfterSeconds: z.number().int().optional().describe('With 429, as the Retry-After header'),
});

export const errorDescriptions: Record<number, string> = {
  400: 'The input is invalid',
  401: 'Not signed in, or a code or token that does not hold',
  403: 'The role may not do this, or a cross-site write',
  404: 'Not found',
  409: 'The state does not allow it, or the record changed since it was read (STALE)',
  410: 'Expired',
  413: 'Too large',
  415: 'The wrong media type',
  422: 'Idempotency-Key reused for a different filing',
  429: 'Too many requests (Retry-After)',
};
