import pg from 'pg';
import type { SqlReader } from './reader';

// Prisma's client stores UTC wall-clock times in `timestamp(3)`: read them back as UTC whatever the process's zone.
const asUtc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.TIMESTAMP) return asUtc;
    // As Prisma's `$queryRaw` gives them: 64-bit integers (COUNT, SUM of integers) as bigint.
    if (oid === pg.types.builtins.INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

// Sent as the UTC wall clock: PostgreSQL ignores a zone written in a literal cast to `timestamp` without one.
const encode = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * On PostgreSQL, a small pool of node-postgres connections of its own beside Prisma's. A read through Prisma's
 * adapter costs about twice its round trip (see docs/architecture.md §7); these reads are every request's session
 * and every page of a list. Statements stay unnamed: a list's plan depends on its values (the sort-hiding trick),
 * which a prepared statement's generic plan would lose.
 */
export function openPgReader(databaseUrl: string, connections = 4): SqlReader {
  // Read-only in the server's own terms, as SQLite's reader is opened read-only.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections, types, options: '-c default_transaction_read_only=on' });
  // An idle connection the server drops is replaced at the next query; the error must not end the process.
  pool.on('error', () => {});
  return {
    async all<T>(query: { text: string; values: unknown[] }) {
      const { rows } = await pool.query(query.text, query.values.map(encode));
      return rows as T[];
    },
    close: () => pool.end(),
  };
}
