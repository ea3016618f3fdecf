import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../server/src/db/pgMigrations';
import { readMigrations } from '../../server/src/db/migrations';
import { postgresSchema } from '../../server/scripts/schema-pg.mjs';
import { freshDatabase, onPostgres } from './support/database';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-pg-schema-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Written by hand in the migrations, as Prisma's schema cannot say them.
const handWritten = new Set(['Ticket_searchText_trgm_idx', 'Ticket_id_searchText_idx']);

async function schemaOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ t: string; c: string; type: string; nullable: string; dflt: string | null }>(
      `SELECT table_name t, column_name c, data_type type, is_nullable nullable, column_default dflt FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name != '_prisma_migrations'`,
    );
    const indexes = await client.query<{ name: string; def: string }>(
      `SELECT indexname name, indexdef def FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations'`,
    );
    const fks = await client.query<{ name: string; def: string }>(
      `SELECT conname name, pg_get_constraintdef(oid) def FROM pg_constraint WHERE contype = 'f'`,
    );
    return [
      ...columns.rows.map((r) => `column ${r.t}.${r.c} ${r.type} nullable=${r.nullable} default=${r.dflt}`),
      ...indexes.rows.filter((r) => !handWritten.has(r.name)).map((r) => `index ${r.name}: ${r.def}`),
      ...fks.rows.map((r) => `fk ${r.name}: ${r.def}`),
    ].sort();
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL schema', () => {
  it('is written from prisma/schema.prisma and committed as written', () => {
    const written = postgresSchema(fs.readFileSync('prisma/schema.prisma', 'utf8'));
    expect(fs.readFileSync('prisma/postgresql/schema.prisma', 'utf8')).toBe(written);
    expect(written).toContain('provider = "postgresql"');
  });

  // Needs a PostgreSQL server: runs under `npm run test:pg` (server/scripts/with-postgres.mjs), which CI runs.
  it.skipIf(!onPostgres)(
    'built by its migrations matches the schema exactly (no drift), and migrates once',
    async () => {
      const migrated = await freshDatabase(dir, 'migrated');
      drops.push(migrated.drop);
      expect(await migratePostgres(migrated.url)).toEqual(readMigrations(path.resolve('prisma/postgresql/migrations')).map((m) => m.name));
      expect(await migratePostgres(migrated.url)).toEqual([]);

      const fromSchema = await freshDatabase(dir, 'fromschema');
      drops.push(fromSchema.drop);
      const sql = execFileSync(
        process.execPath,
        [
          'server/scripts/prisma.mjs',
          'migrate',
          'diff',
          '--from-empty',
          '--to-schema-datamodel',
          'prisma/postgresql/schema.prisma',
          '--script',
        ],
        {
          encoding: 'utf8',
          // prisma.config.ts opens a SQLite adapter whatever the schema: a file of the test's own, not data/.
          env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'diff-shadow.db')}` },
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(sql.replace(/^Loaded Prisma config.*$/m, ''));
      await client.end();
      expect(await schemaOf(migrated.url)).toEqual(await schemaOf(fromSchema.url));
    },
    60_000,
  );
});
