import Database from 'better-sqlite3';
import { fieldsFor, getKind, kindKeys, slotsFor } from '../catalog';
import { sqliteFileFromUrl } from '../db/databaseUrl';
import { protectDeclaredFields, ticketSearchText } from '../tickets/declaredFields';
import { formatReference, referenceDay } from '../tickets/reference';
import { addBusinessDays } from '../tickets/slaClock';
import { declareFields } from './declared';
import type { DemoAccount } from './directory';
import { givenNames, surnames } from './people';
import { seededRandom } from './random';

const day = 86_400_000;

// How a working desk's tickets spread: most are long closed, a tenth wait for someone.
const statusMix: [string, number][] = [
  ['closed', 0.55], ['approved', 0.05], ['rejected', 0.05], ['withdrawn', 0.03],
  ['new', 0.06], ['triage', 0.06], ['in_review', 0.12], ['awaiting_customer', 0.08],
];
const openStatuses = new Set(['new', 'triage', 'in_review', 'awaiting_customer']);

function pickStatus(x: number): string {
  let acc = 0;
  for (const [status, share] of statusMix) {
    acc += share;
    if (x < acc) return status;
  }
  return 'closed';
}

type AccountRow = { id: number; uin: string; subjectType: string; realName: string | null; companyName: string | null; creditCode: string | null; securityPhone: string | null; securityEmail: string | null };

/**
 * Writes `count` synthetic tickets straight through SQLite in large transactions: Prisma's per-row writes
 * would take far too long for the million-ticket case. Formats match what the Prisma adapter writes.
 */
export function seedBulkTickets(databaseUrl: string, count: number, hashKey: string, now = new Date()): number {
  const conn = new Database(sqliteFileFromUrl(databaseUrl));
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = OFF');
  const r = seededRandom(count);
  const accounts = conn.prepare('SELECT id, uin, subjectType, realName, companyName, creditCode, securityPhone, securityEmail FROM Account').all() as AccountRow[];
  const agents = (conn.prepare("SELECT id FROM Agent WHERE role != 'admin' AND active = 1").all() as { id: number }[]).map((a) => a.id);
  if (accounts.length === 0 || agents.length === 0) throw new Error('Seed the demo data first: bulk tickets refer to its accounts and agents');

  const counters = new Map<string, number>(
    (conn.prepare("SELECT name, value FROM Counter WHERE name LIKE 'ticket-ref-%'").all() as { name: string; value: number }[]).map((c) => [c.name.slice(11), c.value]),
  );
  const insertTicket = conn.prepare(`INSERT INTO Ticket (reference, kind, variant, subjectType, status, priority, assigneeId, accountId, accountUin, fields, fieldDigests,
    contactName, contactEmail, contactPhone, locale, complete, searchText, slaDueAt, slaPausedAt, submittedAt, decision, decidedAt, closedAt, createdAt, updatedAt)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSlot = conn.prepare('INSERT INTO MaterialSlot (ticketId, slotKey, required, state, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const insertEvent = conn.prepare("INSERT INTO Event (ticketId, actorType, type, toStatus, createdAt) VALUES (?, 'customer', 'ticket.created', 'new', ?)");
  const saveCounter = conn.prepare('INSERT INTO Counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');

  const combos = kindKeys.flatMap((k) => {
    const kind = getKind(k)!;
    return kind.subjectTypes.flatMap((s) => (kind.variants.length ? kind.variants.map((v) => ({ kind, subjectType: s, variant: v.key as string | undefined })) : [{ kind, subjectType: s, variant: undefined }]));
  });
  const bySubject = new Map<string, AccountRow[]>();
  for (const a of accounts) bySubject.set(a.subjectType, [...(bySubject.get(a.subjectType) ?? []), a]);

  const batch = conn.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const combo = combos[i % combos.length]!;
      const pool = bySubject.get(combo.subjectType) ?? accounts;
      const account = pool[r.int(0, pool.length - 1)]!;
      const status = pickStatus(r.next());
      const open = openStatuses.has(status);
      const submitted = now.getTime() - (open ? r.int(0, 20 * day) : r.int(3 * day, 365 * day));
      const dayKey = referenceDay(new Date(submitted));
      const n = (counters.get(dayKey) ?? 0) + 1;
      counters.set(dayKey, n);
      const reference = formatReference(dayKey, n);
      const demo: DemoAccount = { idNumber: null, phone: account.securityPhone, data: { ...account, loginMethods: [], protection: {} } };
      const defs = fieldsFor(combo.kind.key, combo.subjectType, combo.variant);
      const { shown, digests } = protectDeclaredFields(defs, declareFields(combo.kind.key, defs, demo, r), hashKey);
      const contactName = account.realName ?? r.pick(surnames) + r.pick(givenNames);
      const slaDue = addBusinessDays(new Date(submitted), combo.kind.slaBusinessDays).getTime();
      const decided = ['approved', 'rejected', 'closed'].includes(status) ? submitted + r.int(day / 4, 6 * day) : null;
      const closed = status === 'closed' || status === 'withdrawn' ? (decided ?? submitted) + r.int(0, day) : null;
      const updated = closed ?? decided ?? submitted + (status === 'new' ? 0 : r.int(0, day));
      // Synthetic tickets carry no files, so every slot stays missing.
      const slots = slotsFor(combo.kind.key, combo.subjectType, combo.variant);
      const result = insertTicket.run(
        reference, combo.kind.key, combo.variant ?? null, combo.subjectType, status, r.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent']),
        status === 'new' ? null : agents[i % agents.length]!, account.id, account.uin, JSON.stringify(shown), JSON.stringify(digests),
        contactName, account.securityEmail, account.securityPhone, 'zh-CN', slots.every((s) => !s.required) ? 1 : 0,
        ticketSearchText({ reference, contactName, contactEmail: account.securityEmail, contactPhone: account.securityPhone, accountUin: account.uin, shown }),
        slaDue, status === 'awaiting_customer' ? updated : null, submitted,
        decided === null ? null : status === 'rejected' || (status === 'closed' && r.chance(0.3)) ? 'reject' : 'approve', decided, closed, submitted, updated,
      );
      const ticketId = Number(result.lastInsertRowid);
      for (const s of slots) insertSlot.run(ticketId, s.key, s.required ? 1 : 0, 'missing', updated);
      insertEvent.run(ticketId, submitted);
    }
  });

  const chunk = 10_000;
  for (let from = 0; from < count; from += chunk) batch(from, Math.min(count, from + chunk));
  conn.transaction(() => {
    for (const [dayKey, value] of counters) saveCounter.run(`ticket-ref-${dayKey}`, value);
  })();
  conn.close();
  return count;
}
