import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqlite, readMigrations } from '../../server/src/db/migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function schemaOf(file: string): string[] {
  const conn = new Database(file, { readonly: true });
  const rows = conn.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  conn.close();
  return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`);
}

describe('migrations', () => {
  it('build the whole schema from an empty database, once', () => {
    const url = `file:${path.join(dir, 'fresh.db')}`;
    const applied = migrateSqlite(url);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    expect(migrateSqlite(url)).toEqual([]);
    const tables = schemaOf(path.join(dir, 'fresh.db')).filter((s) => s.startsWith('table')).map((s) => s.split(':')[0]);
    expect(tables).toEqual(expect.arrayContaining(['table Agent', 'table Session', 'table Account', 'table Ticket', 'table MaterialSlot', 'table Evidence', 'table Event', 'table Message', 'table Macro', 'table Notification']));
  });

  it('record the same checksum as prisma migrate deploy', () => {
    const url = `file:${path.join(dir, 'checksum.db')}`;
    migrateSqlite(url);
    const conn = new Database(path.join(dir, 'checksum.db'), { readonly: true });
    const rows = conn.prepare('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name').all();
    conn.close();
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it('refuse to run when an applied migration was edited afterwards', () => {
    const migrations = path.join(dir, 'edited-migrations');
    fs.cpSync(path.resolve('prisma/migrations'), migrations, { recursive: true });
    const url = `file:${path.join(dir, 'edited.db')}`;
    migrateSqlite(url, migrations);
    const first = readMigrations(migrations)[0]!;
    fs.appendFileSync(path.join(migrations, first.name, 'migration.sql'), '\n-- edited\n');
    expect(() => migrateSqlite(url, migrations)).toThrow(/changed after it was applied/);
  });

  it('match prisma/schema.prisma exactly (no drift between the schema and the migrations)', () => {
    // Prisma writes the SQL for the schema as it stands; applied to an empty database it must give the same tables.
    const empty = path.join(dir, 'empty-migrations');
    fs.mkdirSync(empty);
    fs.copyFileSync('prisma/migrations/migration_lock.toml', path.join(empty, 'migration_lock.toml'));
    const sql = execFileSync(process.execPath, ['server/scripts/prisma.mjs', 'migrate', 'diff', '--from-migrations', empty, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'diff-shadow.db')}` },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(sql).toContain('CREATE TABLE "Ticket"');
    const fromSchema = path.join(dir, 'from-schema.db');
    const conn = new Database(fromSchema);
    conn.exec(sql);
    conn.close();
    const fromMigrations = path.join(dir, 'from-migrations.db');
    migrateSqlite(`file:${fromMigrations}`);
    expect(schemaOf(fromMigrations)).toEqual(schemaOf(fromSchema));
  }, 60_000);
});
