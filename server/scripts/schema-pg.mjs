#!/usr/bin/env node
// prisma/schema.prisma is the one schema we edit; Prisma's `provider` is a literal, so the PostgreSQL schema is
// written from it: `node server/scripts/schema-pg.mjs` (writes) or `--check` (fails when the committed copy differs).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const source = path.join(root, 'prisma/schema.prisma');
const target = path.join(root, 'prisma/postgresql/schema.prisma');

export function postgresSchema(text) {
  const swapped = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/server\/src\/generated\/prisma"/, 'output     = "../../server/src/generated/prisma-pg"');
  if (swapped === text || !swapped.includes('provider = "postgresql"') || !swapped.includes('prisma-pg'))
    throw new Error('prisma/schema.prisma no longer has the provider and output lines this script rewrites');
  return `// GENERATED from prisma/schema.prisma by server/scripts/schema-pg.mjs: edit that file, then run \`npm run schema:pg\`.\n${swapped}`;
}

function main() {
  const wanted = postgresSchema(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (committed !== wanted) {
      console.error(
        'prisma/postgresql/schema.prisma is out of step with prisma/schema.prisma: run `npm run schema:pg` and add a PostgreSQL migration',
      );
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, wanted);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
