import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The one error shape: react-admin shows `message`, and `errors.<field>` beside the field. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
    /** More machine-readable detail for the client, merged into the body (e.g. `blockers`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: FieldErrors, code = 'INVALID_INPUT') => new HttpError(400, code, message, errors);
export const unauthorized = (message = 'Sign in first', code = 'UNAUTHENTICATED') => new HttpError(401, code, message);
export const forbidden = (message = 'Your role may not do this', code = 'FORBIDDEN') => new HttpError(403, code, message);
export const notFound = (what = 'Resource') => new HttpError(404, 'NOT_FOUND', `${what} not found`);
export const methodNotAllowed = (message: string) => new HttpError(405, 'METHOD_NOT_ALLOWED', message);
export const conflict = (message: string, code = 'CONFLICT') => new HttpError(409, code, message);
export const tooManyRequests = (message: string, retryAfterSeconds: number, code = 'RATE_LIMITED') =>
  new HttpError(429, code, message, undefined, { 'Retry-After': String(retryAfterSeconds) });

export function zodFieldErrors(error: z.ZodError, dropPrefix = 0): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.slice(dropPrefix).map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

export const notFoundRoute: RequestHandler = (req, _res, next) => next(notFound(`Route ${req.method} ${req.path}`));

type Logger = { error: (obj: object, msg: string) => void };

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof HttpError) {
      if (err.headers) res.set(err.headers);
      const body: Record<string, unknown> = { ...err.details, code: err.code, message: err.message };
      if (err.errors) body.errors = err.errors;
      if (err.status === 429) body.retryAfterSeconds = Number(err.headers?.['Retry-After'] ?? 0);
      res.status(err.status).json(body);
      return;
    }
    // body-parser and friends mark client mistakes with a status of their own.
    const status = typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INVALID_REQUEST';
      const message = status === 413 ? 'Request body too large' : 'Malformed request';
      res.status(status).json({ code, message });
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json({ code: 'INTERNAL', message: 'Something went wrong on our side' });
  };
}
