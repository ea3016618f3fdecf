import type { Request, RequestHandler } from 'express';
import { httpDuration, httpRequests } from './registry';

const segments = (p: string) => p.split('/').filter(Boolean);

/**
 * The route pattern Express matched, with the path it is mounted at: `/api/tickets/:id`. By the time an error answer
 * finishes, Express has already restored `req.baseUrl`, so the mount path is read off the URL instead: mount paths
 * are fixed words here, as many segments as the URL has beyond the pattern's (lower-cased: routes ignore case).
 */
function routeOf(req: Request): string {
  const pattern: unknown = req.route?.path;
  if (pattern === undefined) return 'unmatched';
  if (typeof pattern !== 'string') return `${req.baseUrl}${String(pattern)}`;
  const url = segments(req.originalUrl.split('?')[0] ?? '');
  const mount = url
    .slice(0, Math.max(0, url.length - segments(pattern).length))
    .join('/')
    .toLowerCase();
  return `/${[mount, ...segments(pattern)].filter(Boolean).join('/')}`;
}

/** Counts and times every answer under the route pattern Express matched, never the path as sent. */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = routeOf(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      httpDuration.observe({ method: req.method, route }, seconds);
    });
    next();
  };
}
