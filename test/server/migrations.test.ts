import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqlite, readMigrations } from '../../server/src/db/migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Tables, columns, indexes and foreign keys, compared by content: ALTER TABLE appends columns, so order is left out. */
function schemaOf(file: string): string[] {
  const conn = new Database(file, { readonly: true });
  const out: string[] = [];
  // The full-text index is written by hand in the migrations (Prisma's schema cannot say it), so it is left out here.
  const tables = conn
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' AND name NOT LIKE 'TicketSearch%' ORDER BY name",
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    out.push(`table ${name}`);
    for (const c of conn.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[]) {
      out.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
    }
    for (const f of conn.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
      table: string;
      from: string;
      to: string;
      on_delete: string;
      on_update: string;
    }[]) {
      out.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} delete=${f.on_delete} update=${f.on_update}`);
    }
  }
  const indexes = conn.prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as {
    name: string;
    tbl: string;
    sql: string;
  }[];
  for (const i of indexes) out.push(`index ${i.name}: ${i.sql.replace(/\s+/g, ' ').trim()}`);
  conn.close();
  return out.sort();
}

/** A process that runs migrateSqlite on each database URL it reads from stdin, and answers with a line of JSON. */
function startMigrator() {
  const script = `
    import readline from 'node:readline';
    import { migrateSqlite } from ${JSON.stringify(pathToFileURL(path.resolve('server/src/db/migrations.ts')).href)};
    for await (const url of readline.createInterface({ input: process.stdin })) {
      try {
        console.log(JSON.stringify({ applied: migrateSqlite(url) }));
      } catch (e) {
        console.log(JSON.stringify({ error: String(e) }));
      }
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers: ((line: string) => void)[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      answers.shift()?.(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  });
  return {
    migrate: (url: string) =>
      new Promise<{ applied?: string[]; error?: string }>((resolve) => {
        answers.push((line) => resolve(JSON.parse(line)));
        child.stdin.write(`${url}\n`);
      }),
    stop: () => child.stdin.end(),
  };
}

describe('migrations', () => {
  it('build the whole schema from an empty database, once', () => {
    const url = `file:${path.join(dir, 'fresh.db')}`;
    const applied = migrateSqlite(url);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    expect(migrateSqlite(url)).toEqual([]);
    const tables = schemaOf(path.join(dir, 'fresh.db')).filter((s) => s.startsWith('table'));
    expect(tables).toEqual(
      expect.arrayContaining([
        'table Agent',
        'table Session',
        'table Account',
        'table Ticket',
        'table MaterialSlot',
        'table Evidence',
        'table Event',
        'table Message',
        'table Macro',
        'table Notification',
      ]),
    );
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
    const sql = execFileSync(
      process.execPath,
      [
        'server/scripts/prisma.mjs',
        'migrate',
        'diff',
        '--from-migrations',
        empty,
        '--to-schema-datamodel',
        'prisma/schema.prisma',
        '--script',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'diff-shadow.db')}` },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    expect(sql).toContain('CREATE TABLE "Ticket"');
    const fromSchema = path.join(dir, 'from-schema.db');
    const conn = new Database(fromSchema);
    conn.exec(sql);
    conn.close();
    const fromMigrations = path.join(dir, 'from-migrations.db');
    migrateSqlite(`file:${fromMigrations}`);
    expect(schemaOf(fromMigrations)).toEqual(schemaOf(fromSchema));
  }, 60_000);

  it('apply each migration once when two processes start on the same new database together', async () => {
    const migrators = [startMigrator(), startMigrator()];
    const names = readMigrations().map((m) => m.name);
    try {
      // The first round also waits for both processes to load; the later ones start them at the same moment.
      for (let round = 0; round < 10; round += 1) {
        const file = path.join(dir, `together-${round}.db`);
        const results = await Promise.all(migrators.map((m) => m.migrate(`file:${file}`)));
        expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
        expect(results.flatMap((r) => r.applied!).sort()).toEqual(names);
        const conn = new Database(file, { readonly: true });
        const recorded = conn.prepare('SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name').all();
        conn.close();
        expect(recorded).toEqual(names.map((name) => ({ name })));
      }
    } finally {
      for (const m of migrators) m.stop();
    }
  }, 60_000);
});
