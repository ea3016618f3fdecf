import Database from 'better-sqlite3';
import type { Prisma } from '../generated/prisma/client';
import { databaseKind, sqliteFileFromUrl } from './databaseUrl';
import { openPgReader } from './pgReader';

/**
 * Read-only SQL for the requests every agent makes all day (who is signed in, a page of a list). Rows come back as
 * Prisma's `$queryRaw` gives them: DATETIME columns as Dates, BOOLEAN as booleans, JSON parsed.
 */
export type SqlReader = {
  all<T>(query: Prisma.Sql): Promise<T[]>;
  close(): Promise<void>;
};

/** Statements kept prepared; list queries differ by filter and by the length of an IN list, so the cache is bounded. */
const cachedStatements = 200;

type Decode = (value: unknown) => unknown;
const asDate: Decode = (v) => (typeof v === 'number' || typeof v === 'string' ? new Date(v) : v);
const asBoolean: Decode = (v) => (typeof v === 'number' || typeof v === 'bigint' ? v !== 0 && v !== 0n : v);
const asJson: Decode = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const decoders: Record<string, Decode> = { DATETIME: asDate, BOOLEAN: asBoolean, JSONB: asJson, JSON: asJson };

// What Prisma's SQLite adapter writes: dates as milliseconds since the epoch (unixepoch-ms), booleans as 0 and 1.
const encode = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v);

type Prepared = { statement: Database.Statement; decoded: { name: string; decode: Decode }[] };

/**
 * On SQLite, a read-only connection of its own beside Prisma's, with its statements kept prepared: through Prisma
 * each of these reads cost about ten times its SQL (the query compiler, a fresh prepare, two value conversions).
 * WAL lets it read while Prisma's connection writes, and each statement sees every transaction committed before it.
 * On PostgreSQL, node-postgres connections of their own (pgReader.ts).
 */
export function openReader(databaseUrl: string): SqlReader {
  if (databaseKind(databaseUrl) === 'postgresql') return openPgReader(databaseUrl);

  const connection = new Database(sqliteFileFromUrl(databaseUrl), { readonly: true, fileMustExist: true, timeout: 5000 });
  const prepared = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    const found = prepared.get(sql);
    if (found) {
      // Most recently used last, so the first key is the one to drop.
      prepared.delete(sql);
      prepared.set(sql, found);
      return found;
    }
    const statement = connection.prepare(sql);
    const decoded = statement.columns().flatMap((c) => {
      const decode = c.type ? decoders[c.type.toUpperCase()] : undefined;
      return decode ? [{ name: c.name, decode }] : [];
    });
    const entry = { statement, decoded };
    prepared.set(sql, entry);
    if (prepared.size > cachedStatements) prepared.delete(prepared.keys().next().value!);
    return entry;
  };

  return {
    async all<T>(query: Prisma.Sql) {
      const { statement, decoded } = prepare(query.sql);
      // better-sqlite3 builds the row objects natively; only the columns SQLite cannot type are redone.
      const rows = statement.all(...query.values.map(encode)) as Record<string, unknown>[];
      for (const row of rows) for (const { name, decode } of decoded) row[name] = decode(row[name]);
      return rows as T[];
    },
    async close() {
      connection.close();
    },
  };
}
