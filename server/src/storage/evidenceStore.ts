import type { Readable } from 'node:stream';

/** Where evidence files live, named by their content: no name a customer chose ever reaches storage. */
export interface EvidenceStore {
  /** A local folder for uploads in flight, on the same disk as the store where it can be. */
  readonly incomingDir: string;
  /** Moves a finished temporary file in under its SHA-256; returns the storage key. Atomic: never a half file. */
  put(tempPath: string, sha256: string): Promise<string>;
  open(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** Every stored key, for the start-up sweep that reconciles storage with the database. */
  keys(): AsyncIterable<string>;
  /** When a stored file was written, or null when there is none. */
  modifiedAt(key: string): Promise<Date | null>;
}

export const isContentKey = (key: string) => /^[0-9a-f]{64}$/.test(key);
