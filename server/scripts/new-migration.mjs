#!/usr/bin/env node
// Writes the next migration: the SQL from the committed schema (HEAD) to the working schema.
// `prisma migrate diff --from-migrations` cannot replay migrations on a shadow database with the WebAssembly
// engine here, but a datamodel-to-datamodel diff needs no database; the drift test keeps HEAD's pair honest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresSchema } from './schema-pg.mjs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: node server/scripts/new-migration.mjs <snake_case_name>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-'));
const headSchema = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root, encoding: 'utf8' });
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

// Both databases get a migration of the same name: SQLite's from prisma/schema.prisma, PostgreSQL's from the
// schema written from it (npm run schema:pg), each diffed against HEAD's version of itself.
const targets = [
  {
    label: 'SQLite',
    previous: headSchema,
    current: path.join(root, 'prisma/schema.prisma'),
    migrations: path.join(root, 'prisma/migrations'),
  },
  {
    label: 'PostgreSQL',
    previous: postgresSchema(headSchema),
    current: path.join(root, 'prisma/postgresql/schema.prisma'),
    migrations: path.join(root, 'prisma/postgresql/migrations'),
  },
];
fs.writeFileSync(targets[1].current, postgresSchema(fs.readFileSync(targets[0].current, 'utf8')));
for (const t of targets) {
  const previous = path.join(scratch, `${t.label}.prisma`);
  fs.writeFileSync(previous, t.previous);
  const sql = execFileSync(
    process.execPath,
    [
      path.join(root, 'server/scripts/prisma.mjs'),
      'migrate',
      'diff',
      '--from-schema-datamodel',
      previous,
      '--to-schema-datamodel',
      t.current,
      '--script',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (!sql.trim() || /This is an empty migration/.test(sql)) {
    console.log(`${t.label}: the schema has not changed since HEAD, no migration written`);
    continue;
  }
  const dir = path.join(t.migrations, `${stamp}_${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql.replace(/^Loaded Prisma config.*\n/m, ''));
  console.log(`${t.label}: wrote ${path.relative(root, dir)}/migration.sql`);
}
