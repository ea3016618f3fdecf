import { databaseKind } from '../db/databaseUrl';
import { seedBulkTicketsPostgres } from './bulkPostgres';
import { seedBulkTicketsSqlite } from './bulkSqlite';

/** `count` synthetic tickets more, written in bulk into whichever database the URL names. */
export async function seedBulkTickets(
  databaseUrl: string,
  count: number,
  hashKey: string,
  now = new Date(),
  log: (line: string) => void = () => {},
): Promise<number> {
  return databaseKind(databaseUrl) === 'postgresql'
    ? seedBulkTicketsPostgres(databaseUrl, count, hashKey, now, log)
    : seedBulkTicketsSqlite(databaseUrl, count, hashKey, now, log);
}
