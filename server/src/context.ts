import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/client';
import type { EvidenceStore } from './storage/evidenceStore';

/** What every route module is built with. */
export type AppContext = { db: Db; config: Config; log: Logger; store: EvidenceStore };
