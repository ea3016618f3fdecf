import type Database from 'better-sqlite3';

type Value = string | number | null;

/**
 * Buffers rows and writes them many to a statement: one INSERT of 50 rows costs little more than one of a single
 * row, which is most of a bulk load's time. `flush()` writes what is left.
 */
export function multiRowInsert(conn: Database.Database, table: string, columns: readonly string[], rowsPerStatement = 50) {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const full = conn.prepare(head + Array.from({ length: rowsPerStatement }, () => tuple).join(', '));
  let buffer: Value[] = [];
  let rows = 0;
  return {
    add(...values: Value[]) {
      if (values.length !== columns.length) throw new Error(`${table}: ${values.length} values for ${columns.length} columns`);
      for (const v of values) buffer.push(v);
      rows += 1;
      if (rows === rowsPerStatement) {
        full.run(buffer);
        buffer = [];
        rows = 0;
      }
    },
    flush() {
      if (rows > 0) conn.prepare(head + Array.from({ length: rows }, () => tuple).join(', ')).run(buffer);
      buffer = [];
      rows = 0;
    },
  };
}
