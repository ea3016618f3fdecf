import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One line per request once it has finished: method, path, status and time, an error level from 500 up.
 * The query string is left out, as searches carry phone numbers and names, and so are all headers (cookies).
 * Nothing is built for a level the logger would drop: this runs on every request.
 */
export function accessLog(log: Logger, skip: (path: string) => boolean = () => false): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?', 1)[0]!;
    res.once('close', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level) || skip(path)) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log[level](
        {
          req: { method: req.method, path, ip: req.ip },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(ms),
          aborted: !res.writableFinished || undefined,
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
