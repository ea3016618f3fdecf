import Database from 'better-sqlite3';
import { addBusinessDays } from '../calendar/deskCalendar';
import { fieldsFor, getKind, kindKeys, slotsFor } from '../catalog';
import { sqliteFileFromUrl } from '../db/databaseUrl';
import { rebuildTicketCounts } from '../db/sqliteMaintenance';
import { protectDeclaredFields, ticketSearchText } from '../tickets/declaredFields';
import { formatReference, referenceDay } from '../tickets/reference';
import { declareFields } from './declared';
import type { DemoAccount } from './directory';
import { givenNames, surnames } from './people';
import { multiRowInsert } from './multiRowInsert';
import { seededRandom } from './random';

const day = 86_400_000;

const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  map.set(key, value);
  return value;
};

// How a working desk's tickets spread over a year: about as many arrive each day, most are decided within a
// week, and a few wait on the customer for months. So the open queue is days of intake, not a third of the history.
const openByAge: [maxDays: number, shareOpen: number][] = [[1, 0.95], [3, 0.6], [7, 0.3], [14, 0.08], [365, 0.003]];
const openMix: [string, number][] = [['new', 0.25], ['triage', 0.2], ['in_review', 0.35], ['awaiting_customer', 0.2]];
const doneMix: [string, number][] = [['closed', 0.8], ['approved', 0.06], ['rejected', 0.08], ['withdrawn', 0.06]];

function pick(mix: [string, number][], x: number): string {
  let acc = 0;
  for (const [status, share] of mix) {
    acc += share;
    if (x < acc) return status;
  }
  return mix[0]![0];
}

function statusAt(ageDays: number, r: ReturnType<typeof seededRandom>): string {
  const shareOpen = openByAge.find(([max]) => ageDays < max)?.[1] ?? 0;
  if (!r.chance(shareOpen)) return pick(doneMix, r.next());
  // Long-open tickets are the ones waiting on a customer.
  return ageDays >= 14 ? 'awaiting_customer' : pick(openMix, r.next());
}

type AccountRow = { id: number; uin: string; subjectType: string; realName: string | null; companyName: string | null; creditCode: string | null; securityPhone: string | null; securityEmail: string | null };

/**
 * Writes `count` synthetic tickets straight through SQLite in large transactions: Prisma's per-row writes
 * would take far too long for the million-ticket case. Formats match what the Prisma adapter writes.
 */
export function seedBulkTickets(databaseUrl: string, count: number, hashKey: string, now = new Date(), log: (line: string) => void = () => {}): number {
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
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('Ticket', 'MaterialSlot', 'Event')")
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const r = seededRandom(count);
  const accounts = conn.prepare('SELECT id, uin, subjectType, realName, companyName, creditCode, securityPhone, securityEmail FROM Account').all() as AccountRow[];
  const agents = (conn.prepare("SELECT id FROM Agent WHERE role != 'admin' AND active = 1").all() as { id: number }[]).map((a) => a.id);
  if (accounts.length === 0 || agents.length === 0) throw new Error('Seed the demo data first: bulk tickets refer to its accounts and agents');

  const counters = new Map<string, number>(
    (conn.prepare("SELECT name, value FROM Counter WHERE name LIKE 'ticket-ref-%'").all() as { name: string; value: number }[]).map((c) => [c.name.slice(11), c.value]),
  );
  const tickets = multiRowInsert(conn, 'Ticket', ['id', 'reference', 'kind', 'variant', 'subjectType', 'status', 'priority', 'assigneeId', 'accountId', 'accountUin', 'fields', 'fieldDigests',
    'contactName', 'contactEmail', 'contactPhone', 'locale', 'complete', 'searchText', 'slaDueAt', 'slaPausedAt', 'submittedAt', 'decision', 'decidedAt', 'closedAt', 'createdAt', 'updatedAt'], 30);
  const slotRows = multiRowInsert(conn, 'MaterialSlot', ['ticketId', 'slotKey', 'required', 'state', 'updatedAt'], 150);
  const events = multiRowInsert(conn, 'Event', ['ticketId', 'actorType', 'type', 'toStatus', 'createdAt'], 150);
  // Nothing else writes while the database is held exclusively, so ids can be given rather than read back.
  let nextId = ((conn.prepare('SELECT max(id) AS id FROM Ticket').get() as { id: number | null }).id ?? 0) + 1;
  const firstId = nextId;
  const saveCounter = conn.prepare('INSERT INTO Counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');

  const combos = kindKeys.flatMap((k) => {
    const kind = getKind(k)!;
    return kind.subjectTypes.flatMap((s) => (kind.variants.length ? kind.variants.map((v) => ({ kind, subjectType: s, variant: v.key as string | undefined })) : [{ kind, subjectType: s, variant: undefined }]));
  });
  const bySubject = new Map<string, AccountRow[]>();
  for (const a of accounts) bySubject.set(a.subjectType, [...(bySubject.get(a.subjectType) ?? []), a]);

  // What a customer declares depends on the kind and the account, plus chance: a few draws per pair are made once and
  // reused, which keeps HMACs and JSON out of the per-ticket loop without making every ticket alike.
  const declaredVariety = 8;
  const shapes = new Map<string, { fields: string; digests: string; contactName: string; searchText: string }>();
  const declaredShape = (comboIndex: number, account: AccountRow, draw: number) => {
    const key = `${comboIndex}:${account.id}:${draw}`;
    const known = shapes.get(key);
    if (known) return known;
    const combo = combos[comboIndex]!;
    const demo: DemoAccount = { idNumber: null, phone: account.securityPhone, data: { ...account, loginMethods: [], protection: {} } };
    const defs = fieldsFor(combo.kind.key, combo.subjectType, combo.variant);
    const { shown, digests } = protectDeclaredFields(defs, declareFields(combo.kind.key, defs, demo, r), hashKey);
    const contactName = account.realName ?? r.pick(surnames) + r.pick(givenNames);
    // The reference is the one word that differs per ticket; it is put in front when the row is written.
    const searchText = ticketSearchText({ reference: '', contactName, contactEmail: account.securityEmail, contactPhone: account.securityPhone, accountUin: account.uin, shown });
    return remember(shapes, key, { fields: JSON.stringify(shown), digests: JSON.stringify(digests), contactName, searchText });
  };
  const dayOfHour = new Map<number, string>();
  const slaDueOfHour = new Map<string, number[]>();

  const batch = conn.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const comboIndex = i % combos.length;
      const combo = combos[comboIndex]!;
      const pool = bySubject.get(combo.subjectType) ?? accounts;
      const account = pool[r.int(0, pool.length - 1)]!;
      const age = r.int(0, 365 * day);
      const status = statusAt(age / day, r);
      const submitted = now.getTime() - age;
      const hour = Math.floor(submitted / 3_600_000);
      const dayKey = dayOfHour.get(hour) ?? remember(dayOfHour, hour, referenceDay(new Date(submitted)));
      const n = (counters.get(dayKey) ?? 0) + 1;
      counters.set(dayKey, n);
      const reference = formatReference(dayKey, n);
      const shape = declaredShape(comboIndex, account, r.int(0, declaredVariety - 1));
      const slaKey = `${hour}:${combo.kind.slaBusinessDays}`;
      // Desk hours are whole UTC hours. In each the SLA clock runs (the due moment moves with the filing) or stands still;
      // only an hour's first instant may fall due earlier, at the end of a business day rather than the next one's start.
      const [atStart = 0, atEnd = 0] = slaDueOfHour.get(slaKey)
        ?? remember(slaDueOfHour, slaKey, [hour, hour + 1].map((h) => addBusinessDays(new Date(h * 3_600_000), combo.kind.slaBusinessDays).getTime()));
      const intoHour = submitted - hour * 3_600_000;
      const slaDue = intoHour === 0 ? atStart : Math.max(atStart, atEnd - (3_600_000 - intoHour));
      // Nothing lies in the future: a recent ticket was handled within the time it has had.
      const within = (from: number, min: number, max: number) => from + r.int(Math.min(min, now.getTime() - from), Math.min(max, now.getTime() - from));
      const decided = ['approved', 'rejected', 'closed'].includes(status) ? within(submitted, day / 4, 6 * day) : null;
      const closed = status === 'closed' || status === 'withdrawn' ? within(decided ?? submitted, 0, day) : null;
      const updated = closed ?? decided ?? within(submitted, 0, status === 'new' ? 0 : day);
      // Synthetic tickets carry no files, so every slot stays missing.
      const slots = slotsFor(combo.kind.key, combo.subjectType, combo.variant);
      const ticketId = nextId++;
      tickets.add(
        ticketId, reference, combo.kind.key, combo.variant ?? null, combo.subjectType, status, r.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent']),
        status === 'new' ? null : agents[i % agents.length]!, account.id, account.uin, shape.fields, shape.digests,
        shape.contactName, account.securityEmail, account.securityPhone, 'zh-CN', slots.every((s) => !s.required) ? 1 : 0,
        ` ${reference.toLowerCase()}${shape.searchText}`,
        slaDue, status === 'awaiting_customer' ? updated : null, submitted,
        decided === null ? null : status === 'rejected' || (status === 'closed' && r.chance(0.3)) ? 'reject' : 'approve', decided, closed, submitted, updated,
      );
      for (const s of slots) slotRows.add(ticketId, s.key, s.required ? 1 : 0, 'missing', updated);
      events.add(ticketId, 'customer', 'ticket.created', 'new', submitted);
    }
    // Slots and events refer to their ticket: it must be written first.
    tickets.flush();
    slotRows.flush();
    events.flush();
  });

  for (const d of derived) conn.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  try {
    const chunk = 10_000;
    for (let from = 0; from < count; from += chunk) batch(from, Math.min(count, from + chunk));
    phase('rows');
  } finally {
    for (const d of derived) conn.exec(d.sql);
    phase('indexes');
    rebuildTicketCounts(conn);
    conn.exec(`INSERT INTO "TicketSearch" ("TicketSearch") VALUES ('rebuild')`);
    phase('search index');
    conn
      .prepare(`INSERT OR IGNORE INTO "TicketDigest" ("digest", "ticketId")
        SELECT j."value", t."id" FROM "Ticket" t, json_each(t."fieldDigests") j WHERE t."id" >= ? AND j."type" = 'text'`)
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
