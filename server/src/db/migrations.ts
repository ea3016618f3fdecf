import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFileFromUrl } from './databaseUrl';
import { projectRoot } from '../projectRoot';

export const migrationsDir = path.join(projectRoot, 'prisma/migrations');

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

/**
 * Switches to WAL. While another process switches the same new file SQLite refuses at once, busy timeout or not, so
 * this tries again after a pause (a blocking one, as the whole migration is: it runs before the server starts).
 */
function useWal(conn: Database.Database) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      conn.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || attempt === 100) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/**
 * Applies every migration not yet applied, each in its own transaction. Returns the names applied. Each transaction
 * takes the write lock before it looks at the history, so processes started together apply each migration once.
 */
export function migrateSqlite(databaseUrl: string, dir = migrationsDir): string[] {
  const file = sqliteFileFromUrl(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const conn = new Database(file, { timeout: 5000 });
  try {
    useWal(conn);
    conn.exec(historyTable);
    const appliedChecksum = conn
      .prepare('SELECT checksum FROM _prisma_migrations WHERE migration_name = ? AND rolled_back_at IS NULL AND finished_at IS NOT NULL')
      .pluck();
    const record = conn.prepare(
      'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
    );
    const apply = conn.transaction((m: Migration) => {
      const known = appliedChecksum.get(m.name) as string | undefined;
      if (known !== undefined) {
        if (known !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
        return false;
      }
      const started = new Date().toISOString();
      conn.exec(m.sql);
      record.run(crypto.randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      return true;
    });
    return readMigrations(dir)
      .filter((m) => apply.immediate(m))
      .map((m) => m.name);
  } finally {
    conn.close();
  }
}
