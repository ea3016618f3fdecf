import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/client';
import type { SqlReader } from './db/reader';
import type { EvidenceStore } from './storage/evidenceStore';

/** What every route module is built with. */
export type AppContext = { db: Db; reader: SqlReader; config: Config; log: Logger; store: EvidenceStore };
