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
  adapter: async () =>
    new PrismaBetterSQLite3({ url: sqliteFileFromUrl(process.env.DATABASE_URL ?? defaultDatabaseUrl) }),
});
