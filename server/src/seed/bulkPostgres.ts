import pg from 'pg';
import { bulkTicketColumns, bulkTickets, type BulkAccount, type BulkTicket } from './bulkRows';

// Each column's array type for unnest(): many rows per statement, one round trip for thousands of tickets.
const ticketArrayTypes: Record<(typeof bulkTicketColumns)[number], string> = {
  id: 'int[]',
  reference: 'text[]',
  kind: 'text[]',
  variant: 'text[]',
  subjectType: 'text[]',
  status: 'text[]',
  priority: 'text[]',
  assigneeId: 'int[]',
  accountId: 'int[]',
  accountUin: 'text[]',
  fields: 'jsonb[]',
  fieldDigests: 'jsonb[]',
  contactName: 'text[]',
  contactEmail: 'text[]',
  contactPhone: 'text[]',
  locale: 'text[]',
  complete: 'boolean[]',
  searchText: 'text[]',
  slaDueAt: 'timestamp(3)[]',
  slaPausedAt: 'timestamp(3)[]',
  submittedAt: 'timestamp(3)[]',
  decision: 'text[]',
  decidedAt: 'timestamp(3)[]',
  closedAt: 'timestamp(3)[]',
  createdAt: 'timestamp(3)[]',
  updatedAt: 'timestamp(3)[]',
};
const timeColumns = new Set(
  Object.entries(ticketArrayTypes)
    .filter(([, type]) => type.startsWith('timestamp'))
    .map(([column]) => column),
);
// Timestamps are stored as UTC without a zone (as Prisma writes them); an ISO string's "Z" is read as such.
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const quoted = (name: string) => `"${name}"`;

const insertTickets = `INSERT INTO "Ticket" (${bulkTicketColumns.map(quoted).join(', ')})
  SELECT * FROM unnest(${bulkTicketColumns.map((c, i) => `$${i + 1}::${ticketArrayTypes[c]}`).join(', ')})`;
const insertSlots = `INSERT INTO "MaterialSlot" ("ticketId", "slotKey", "required", "state", "updatedAt")
  SELECT t, k, r, 'missing', u FROM unnest($1::int[], $2::text[], $3::boolean[], $4::timestamp(3)[]) AS s(t, k, r, u)`;
const insertEvents = `INSERT INTO "Event" ("ticketId", "actorType", "type", "toStatus", "createdAt")
  SELECT t, 'customer', 'ticket.created', 'new', c FROM unnest($1::int[], $2::timestamp(3)[]) AS e(t, c)`;

/**
 * Writes `count` synthetic tickets into PostgreSQL as `seedBulkTicketsSqlite` does into SQLite: rows many to a
 * statement, the tables' own triggers off and secondary indexes dropped for the load, then everything they keep
 * (tallies, the total, ID-number hashes, indexes, statistics) rebuilt once. Run it with no server writing tickets.
 */
export async function seedBulkTicketsPostgres(
  databaseUrl: string,
  count: number,
  hashKey: string,
  now = new Date(),
  log: (line: string) => void = () => {},
): Promise<number> {
  let mark = Date.now();
  const phase = (name: string) => {
    log(`${name}: ${((Date.now() - mark) / 1000).toFixed(1)} s`);
    mark = Date.now();
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET TIME ZONE 'UTC'`);
    await client.query('SET synchronous_commit = off');
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const accounts = (
      await client.query<BulkAccount>(
        'SELECT "id", "uin", "subjectType", "realName", "companyName", "creditCode", "securityPhone", "securityEmail" FROM "Account"',
      )
    ).rows;
    const agentIds = (
      await client.query<{ id: number }>(`SELECT "id" FROM "Agent" WHERE "role" != 'admin' AND "active" ORDER BY "id"`)
    ).rows.map((a) => a.id);
    const counters = new Map(
      (
        await client.query<{ name: string; value: number }>(`SELECT "name", "value" FROM "Counter" WHERE "name" LIKE 'ticket-ref-%'`)
      ).rows.map((c) => [c.name.slice(11), c.value]),
    );
    const firstId = Number((await client.query<{ id: number | null }>('SELECT max("id") AS "id" FROM "Ticket"')).rows[0]?.id ?? 0) + 1;
    const rows = bulkTickets({ accounts, agentIds, counters, firstId }, count, hashKey, now);

    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename IN ('Ticket', 'MaterialSlot', 'Event')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      )
    ).rows;
    for (const table of ['Ticket', 'MaterialSlot', 'Event']) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    try {
      const chunk = 5_000;
      for (let written = 0; written < count;) {
        const batch: BulkTicket[] = [];
        while (batch.length < chunk) {
          const next = rows.next();
          if (next.done) break;
          batch.push(next.value);
        }
        if (batch.length === 0) break;
        await client.query('BEGIN');
        await client.query(
          insertTickets,
          bulkTicketColumns.map((c) => batch.map((t) => (timeColumns.has(c) ? iso(t[c] as number | null) : t[c]))),
        );
        const slots = batch.flatMap((t) => t.slots.map((s) => [t.id, s.slotKey, s.required, iso(t.updatedAt)] as const));
        await client.query(
          insertSlots,
          [0, 1, 2, 3].map((i) => slots.map((s) => s[i])),
        );
        await client.query(insertEvents, [batch.map((t) => t.id), batch.map((t) => iso(t.submittedAt))]);
        await client.query('COMMIT');
        written += batch.length;
      }
      phase('rows');
    } finally {
      for (const index of indexes) await client.query(index.definition);
      for (const table of ['Ticket', 'MaterialSlot', 'Event']) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
      phase('indexes');
    }
    await client.query('BEGIN');
    // The same keys as the tally trigger writes (prisma/postgresql migrations, "TicketTally follows every write").
    await client.query('DELETE FROM "TicketTally"');
    await client.query(`INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
      SELECT concat_ws('|', "status", "kind", coalesce("variant", ''), "subjectType", "priority", coalesce("assigneeId"::text, ''), "complete"::int),
             "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", count(*)
      FROM "Ticket" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    await client.query(
      `INSERT INTO "TicketTotal" ("id", "n") SELECT 1, count(*) FROM "Ticket" ON CONFLICT ("id") DO UPDATE SET "n" = excluded."n"`,
    );
    await client.query(
      `INSERT INTO "TicketDigest" ("digest", "ticketId")
       SELECT DISTINCT e.v #>> '{}', t."id" FROM "Ticket" t, jsonb_each(t."fieldDigests") e(key, v)
       WHERE t."id" >= $1 AND jsonb_typeof(t."fieldDigests") = 'object' AND jsonb_typeof(e.v) = 'string'
       ON CONFLICT DO NOTHING`,
      [firstId],
    );
    for (const [dayKey, value] of counters) {
      await client.query(
        `INSERT INTO "Counter" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO UPDATE SET "value" = excluded."value"`,
        [`ticket-ref-${dayKey}`, value],
      );
    }
    for (const table of ['Ticket', 'MaterialSlot', 'Event']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max("id"), 1) FROM "${table}"))`);
    }
    await client.query('COMMIT');
    phase('tallies and ID-number hashes');
    await client.query('VACUUM ANALYZE "Ticket", "MaterialSlot", "Event", "TicketDigest", "TicketTally"');
    phase('statistics');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return count;
}
