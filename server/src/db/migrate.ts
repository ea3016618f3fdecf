import { databaseKind } from './databaseUrl';
import { migrateSqlite } from './migrations';
import { migratePostgres } from './pgMigrations';

/** Brings the database DATABASE_URL names up to the migrations of its kind; returns the names applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  return databaseKind(databaseUrl) === 'postgresql' ? migratePostgres(databaseUrl) : migrateSqlite(databaseUrl);
}
