import { pino } from 'pino';
import type { Config } from './config';

export const createLogger = (config: Pick<Config, 'logLevel'>) =>
  pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'], censor: '[redacted]' },
  });
