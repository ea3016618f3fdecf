import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteFileFromUrl, defaultDatabaseUrl } from './server/src/db/databaseUrl';

// The WebAssembly schema engine with a driver adapter: Prisma's native engines cannot be downloaded here.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  // The CLI opens this adapter even for a datamodel-to-datamodel diff; on a fresh clone data/ does not exist yet.
  adapter: async () => {
    const file = sqliteFileFromUrl(process.env.DATABASE_URL ?? defaultDatabaseUrl);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file });
  },
});
