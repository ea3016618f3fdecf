import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFileFromUrl } from './databaseUrl';

export const migrationsDir = path.resolve(import.meta.dirname, '../../../prisma/migrations');

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

// Same table and checksum as `prisma migrate deploy`, so either tool can take over from the other.
const historyTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Applies every migration not yet applied, each in its own transaction. Returns the names applied. */
export function migrateSqlite(databaseUrl: string, dir = migrationsDir): string[] {
  const file = sqliteFileFromUrl(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file);
  try {
    conn.pragma('journal_mode = WAL');
    conn.exec(historyTable);
    const applied = new Map(
      conn
        .prepare('SELECT migration_name AS name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL')
        .all()
        .map((r) => {
          const row = r as { name: string; checksum: string };
          return [row.name, row.checksum] as const;
        }),
    );
    const done: string[] = [];
    for (const m of readMigrations(dir)) {
      const known = applied.get(m.name);
      if (known !== undefined) {
        if (known !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
        continue;
      }
      const started = new Date().toISOString();
      conn.transaction(() => {
        conn.exec(m.sql);
        conn
          .prepare('INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)')
          .run(crypto.randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      })();
      done.push(m.name);
    }
    return done;
  } finally {
    conn.close();
  }
}
