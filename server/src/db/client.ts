import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/prisma/client';
import { databaseKind, sqliteFileFromUrl } from './databaseUrl';

export type Db = PrismaClient;

export async function createDb(databaseUrl: string): Promise<Db> {
  const kind = databaseKind(databaseUrl);
  if (kind !== 'sqlite') throw new Error('PostgreSQL support is not built yet; use a file: DATABASE_URL');
  const file = sqliteFileFromUrl(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Integers sort and index faster than ISO strings, and match what Prisma's own engine writes.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' });
  const db = new PrismaClient({ adapter });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
