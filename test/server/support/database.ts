import path from 'node:path';
import pg from 'pg';

/** Set by server/scripts/with-postgres.mjs (npm run test:pg): the suites then run on PostgreSQL. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL;
export const onPostgres = testPostgresUrl !== undefined;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${testPostgresUrl}/postgres` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** An empty database for one test file: a new PostgreSQL database, or a SQLite file in `dir`. */
export async function freshDatabase(dir: string, name = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!onPostgres) return { url: `file:${path.join(dir, `${name}.db`)}`, drop: async () => {} };
  const db = `helpdesk_${name}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE "${db}"`));
  return {
    url: `${testPostgresUrl}/${db}`,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`)).then(() => undefined),
  };
}

type RawDb = { $executeRawUnsafe: (sql: string) => Promise<number> };

/** Makes every insert into `table` fail inside the database, as a full disk would; returns the undo. */
export async function failInserts(db: RawDb, table: string, message: string): Promise<() => Promise<void>> {
  if (onPostgres) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "fail_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "fail_${table}" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "fail_${table}"()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "fail_${table}" ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "fail_${table}"()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER "fail_${table}" BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, '${message}'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "fail_${table}"`);
  };
}
