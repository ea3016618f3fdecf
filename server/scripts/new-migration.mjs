#!/usr/bin/env node
// Writes the next migration: the SQL from the committed schema (HEAD) to the working schema.
// `prisma migrate diff --from-migrations` cannot replay migrations on a shadow database with the WebAssembly
// engine here, but a datamodel-to-datamodel diff needs no database; the drift test keeps HEAD's pair honest.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: node server/scripts/new-migration.mjs <snake_case_name>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '../..');
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.prisma');
fs.writeFileSync(previous, execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { cwd: root }));
const sql = execFileSync(process.execPath, [path.join(root, 'server/scripts/prisma.mjs'), 'migrate', 'diff', '--from-schema-datamodel', previous, '--to-schema-datamodel', path.join(root, 'prisma/schema.prisma'), '--script'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log('The schema has not changed since HEAD: no migration written');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(root, 'prisma/migrations', `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
