import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/client';

/** What every route module is built with. */
export type AppContext = { db: Db; config: Config; log: Logger };
