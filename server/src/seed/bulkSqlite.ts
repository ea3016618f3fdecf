import Database from 'better-sqlite3';
import { sqliteFileFromUrl } from '../db/databaseUrl';
import { rebuildTicketCounts } from '../db/sqliteMaintenance';
import { bulkTicketColumns, bulkTickets, type BulkAccount } from './bulkRows';
import { multiRowInsert } from './multiRowInsert';

// Booleans as Prisma's SQLite adapter writes them.
const sqliteValue = (v: string | number | boolean | null) => (typeof v === 'boolean' ? Number(v) : v);

/**
 * Writes `count` synthetic tickets straight through SQLite in large transactions: Prisma's per-row writes
 * would take far too long for the million-ticket case. Formats match what the Prisma adapter writes.
 */
export function seedBulkTicketsSqlite(
  databaseUrl: string,
  count: number,
  hashKey: string,
  now = new Date(),
  log: (line: string) => void = () => {},
): number {
  let mark = Date.now();
  const phase = (name: string) => {
    log(`${name}: ${((Date.now() - mark) / 1000).toFixed(1)} s`);
    mark = Date.now();
  };
  const conn = new Database(sqliteFileFromUrl(databaseUrl));
  // A bulk load: no journal (SQLite keeps WAL if another connection has the file open), a large cache, indexes built
  // once at the end. Not the exclusive locking mode: an open server's read connection would make it wait and fail.
  conn.pragma('journal_mode = OFF');
  conn.pragma('synchronous = OFF');
  conn.pragma('cache_size = -512000');
  conn.pragma('temp_store = MEMORY');
  conn.pragma('threads = 2');
  // Rows are written many to a statement, slots before their ticket's batch at times; ids are ours, so no check is lost.
  conn.pragma('foreign_keys = OFF');
  // Indexes and the triggers that keep TicketTally, TicketSearch and TicketDigest are set aside and rebuilt once at the end.
  const derived = conn
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('Ticket', 'MaterialSlot', 'Event')",
    )
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const accounts = conn
    .prepare('SELECT id, uin, subjectType, realName, companyName, creditCode, securityPhone, securityEmail FROM Account')
    .all() as BulkAccount[];
  const agentIds = (conn.prepare("SELECT id FROM Agent WHERE role != 'admin' AND active = 1").all() as { id: number }[]).map((a) => a.id);
  const counters = new Map<string, number>(
    (conn.prepare("SELECT name, value FROM Counter WHERE name LIKE 'ticket-ref-%'").all() as { name: string; value: number }[]).map((c) => [
      c.name.slice(11),
      c.value,
    ]),
  );
  // Nothing else writes tickets during a bulk load, so ids can be given rather than read back.
  const firstId = ((conn.prepare('SELECT max(id) AS id FROM Ticket').get() as { id: number | null }).id ?? 0) + 1;
  const rows = bulkTickets({ accounts, agentIds, counters, firstId }, count, hashKey, now);

  const tickets = multiRowInsert(conn, 'Ticket', bulkTicketColumns, 30);
  const slotRows = multiRowInsert(conn, 'MaterialSlot', ['ticketId', 'slotKey', 'required', 'state', 'updatedAt'], 150);
  const events = multiRowInsert(conn, 'Event', ['ticketId', 'actorType', 'type', 'toStatus', 'createdAt'], 150);
  const saveCounter = conn.prepare(
    'INSERT INTO Counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
  );

  const batch = conn.transaction((size: number) => {
    for (let i = 0; i < size; i += 1) {
      const next = rows.next();
      if (next.done) break;
      const t = next.value;
      tickets.add(...bulkTicketColumns.map((c) => sqliteValue(t[c])));
      for (const s of t.slots) slotRows.add(t.id, s.slotKey, s.required ? 1 : 0, 'missing', t.updatedAt);
      events.add(t.id, 'customer', 'ticket.created', 'new', t.submittedAt);
    }
    // Slots and events refer to their ticket: it must be written first.
    tickets.flush();
    slotRows.flush();
    events.flush();
  });

  for (const d of derived) conn.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  try {
    const chunk = 10_000;
    for (let from = 0; from < count; from += chunk) batch(Math.min(chunk, count - from));
    phase('rows');
  } finally {
    for (const d of derived) conn.exec(d.sql);
    phase('indexes');
    rebuildTicketCounts(conn);
    conn.exec(`INSERT INTO "TicketSearch" ("TicketSearch") VALUES ('rebuild')`);
    phase('search index');
    conn
      .prepare(
        `INSERT OR IGNORE INTO "TicketDigest" ("digest", "ticketId")
        SELECT j."value", t."id" FROM "Ticket" t, json_each(t."fieldDigests") j WHERE t."id" >= ? AND j."type" = 'text'`,
      )
      .run(firstId);
    phase('ID-number hashes');
    conn.exec('ANALYZE');
    phase('statistics');
  }
  conn.transaction(() => {
    for (const [dayKey, value] of counters) saveCounter.run(`ticket-ref-${dayKey}`, value);
  })();
  conn.pragma('journal_mode = WAL');
  conn.close();
  return count;
}
