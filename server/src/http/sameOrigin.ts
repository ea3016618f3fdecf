import type { RequestHandler } from 'express';
import { forbidden } from './errors';

const safe = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, beside SameSite=Strict: a state-changing request that a browser marks as
 * coming from another site is refused. Clients that send no Origin (scripts, tests) are not browsers being abused.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (safe.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin) {
      let host: string | null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.get('host') && !allowedOrigins.includes(origin)) throw forbidden('Cross-site request refused', 'CSRF_ORIGIN');
    } else if (req.get('sec-fetch-site') === 'cross-site') {
      throw forbidden('Cross-site request refused', 'CSRF_ORIGIN');
    }
    next();
  };
}
