// The API's records and requests are the server's contract (server/src/contract); the console reads them from there.
export type * from '../../server/src/contract';

/** A record as a write sends it: with the ticket's `version` its page read beside the record's own fields. */
export type WithVersion<T> = T & { version?: number };
