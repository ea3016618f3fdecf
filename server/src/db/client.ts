import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PrismaPgClient } from '../generated/prisma-pg/client';
import { databaseKind, sqliteFileFromUrl } from './databaseUrl';
import { immediateTransactions } from './sqliteAdapter';

export type Db = PrismaClient;

export async function createDb(databaseUrl: string): Promise<Db> {
  if (databaseKind(databaseUrl) === 'postgresql') return createPostgresDb(databaseUrl);
  const file = sqliteFileFromUrl(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Integers sort and index faster than ISO strings, and match what Prisma's own engine writes.
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' }));
  const db = new PrismaClient({ adapter });
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Refreshes the planner's statistics where they are missing or stale (cheap: bounded by an analysis limit).
  await db.$queryRawUnsafe('PRAGMA optimize = 0x10002');
  return db;
}

/**
 * The PostgreSQL client is generated from the same models (prisma/postgresql/schema.prisma is written from
 * prisma/schema.prisma), so it has the SQLite client's API model for model: the one place the two meet.
 */
async function createPostgresDb(databaseUrl: string): Promise<Db> {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  const db = new PrismaPgClient({ adapter });
  await db.$connect();
  return db as unknown as Db;
}
