import { addBusinessDays } from '../calendar/deskCalendar';
import { fieldsFor, getKind, kindKeys, slotsFor } from '../catalog';
import { protectDeclaredFields, ticketSearchText } from '../tickets/declaredFields';
import { formatReference, referenceDay } from '../tickets/reference';
import { declareFields } from './declared';
import type { DemoAccount } from './directory';
import { givenNames, surnames } from './people';
import { seededRandom } from './random';

const day = 86_400_000;

const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => {
  map.set(key, value);
  return value;
};

// How a working desk's tickets spread over a year: about as many arrive each day, most are decided within a
// week, and a few wait on the customer for months. So the open queue is days of intake, not a third of the history.
const openByAge: [maxDays: number, shareOpen: number][] = [
  [1, 0.95],
  [3, 0.6],
  [7, 0.3],
  [14, 0.08],
  [365, 0.003],
];
const openMix: [string, number][] = [
  ['new', 0.25],
  ['triage', 0.2],
  ['in_review', 0.35],
  ['awaiting_customer', 0.2],
];
const doneMix: [string, number][] = [
  ['closed', 0.8],
  ['approved', 0.06],
  ['rejected', 0.08],
  ['withdrawn', 0.06],
];

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

export type BulkAccount = {
  id: number;
  uin: string;
  subjectType: string;
  realName: string | null;
  companyName: string | null;
  creditCode: string | null;
  securityPhone: string | null;
  securityEmail: string | null;
};

/** What the bulk writers read from the database before they start: tickets refer to its accounts and agents. */
export type BulkSource = {
  accounts: BulkAccount[];
  agentIds: number[];
  /** Reference counters by day (`ticket-ref-<day>` without its prefix); advanced as references are given. */
  counters: Map<string, number>;
  firstId: number;
};

/** Times are epoch milliseconds; JSON columns are already serialised. Each writer turns these into its own formats. */
export type BulkTicket = {
  id: number;
  reference: string;
  kind: string;
  variant: string | null;
  subjectType: string;
  status: string;
  priority: string;
  assigneeId: number | null;
  accountId: number;
  accountUin: string;
  fields: string;
  fieldDigests: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  locale: string;
  complete: boolean;
  searchText: string;
  slaDueAt: number;
  slaPausedAt: number | null;
  submittedAt: number;
  decision: string | null;
  decidedAt: number | null;
  closedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Its material slots (synthetic tickets carry no files, so every slot is missing) and its creation event. */
  slots: { slotKey: string; required: boolean }[];
};

export const bulkTicketColumns = [
  'id',
  'reference',
  'kind',
  'variant',
  'subjectType',
  'status',
  'priority',
  'assigneeId',
  'accountId',
  'accountUin',
  'fields',
  'fieldDigests',
  'contactName',
  'contactEmail',
  'contactPhone',
  'locale',
  'complete',
  'searchText',
  'slaDueAt',
  'slaPausedAt',
  'submittedAt',
  'decision',
  'decidedAt',
  'closedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof BulkTicket)[];

/**
 * `count` synthetic tickets as a desk of a year would hold them, the same for the same count whichever database
 * receives them (docs/architecture.md, "Scale").
 */
export function* bulkTickets(source: BulkSource, count: number, hashKey: string, now: Date): Generator<BulkTicket> {
  const r = seededRandom(count);
  const { accounts, agentIds, counters } = source;
  if (accounts.length === 0 || agentIds.length === 0)
    throw new Error('Seed the demo data first: bulk tickets refer to its accounts and agents');
  let nextId = source.firstId;

  const combos = kindKeys.flatMap((k) => {
    const kind = getKind(k)!;
    return kind.subjectTypes.flatMap((s) =>
      kind.variants.length
        ? kind.variants.map((v) => ({ kind, subjectType: s, variant: v.key as string | undefined }))
        : [{ kind, subjectType: s, variant: undefined }],
    );
  });
  const bySubject = new Map<string, BulkAccount[]>();
  for (const a of accounts) bySubject.set(a.subjectType, [...(bySubject.get(a.subjectType) ?? []), a]);

  // What a customer declares depends on the kind and the account, plus chance: a few draws per pair are made once and
  // reused, which keeps HMACs and JSON out of the per-ticket loop without making every ticket alike.
  const declaredVariety = 8;
  const shapes = new Map<string, { fields: string; digests: string; contactName: string; searchText: string }>();
  const declaredShape = (comboIndex: number, account: BulkAccount, draw: number) => {
    const key = `${comboIndex}:${account.id}:${draw}`;
    const known = shapes.get(key);
    if (known) return known;
    const combo = combos[comboIndex]!;
    const demo: DemoAccount = { idNumber: null, phone: account.securityPhone, data: { ...account, loginMethods: [], protection: {} } };
    const defs = fieldsFor(combo.kind.key, combo.subjectType, combo.variant);
    const { shown, digests } = protectDeclaredFields(defs, declareFields(combo.kind.key, defs, demo, r), hashKey);
    const contactName = account.realName ?? r.pick(surnames) + r.pick(givenNames);
    // The reference is the one word that differs per ticket; it is put in front when the row is written.
    const searchText = ticketSearchText({
      reference: '',
      contactName,
      contactEmail: account.securityEmail,
      contactPhone: account.securityPhone,
      accountUin: account.uin,
      shown,
    });
    return remember(shapes, key, { fields: JSON.stringify(shown), digests: JSON.stringify(digests), contactName, searchText });
  };
  const dayOfHour = new Map<number, string>();
  const slaDueOfHour = new Map<string, number[]>();

  for (let i = 0; i < count; i += 1) {
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
    const [atStart = 0, atEnd = 0] =
      slaDueOfHour.get(slaKey) ??
      remember(
        slaDueOfHour,
        slaKey,
        [hour, hour + 1].map((h) => addBusinessDays(new Date(h * 3_600_000), combo.kind.slaBusinessDays).getTime()),
      );
    const intoHour = submitted - hour * 3_600_000;
    const slaDue = intoHour === 0 ? atStart : Math.max(atStart, atEnd - (3_600_000 - intoHour));
    // Nothing lies in the future: a recent ticket was handled within the time it has had.
    const within = (from: number, min: number, max: number) =>
      from + r.int(Math.min(min, now.getTime() - from), Math.min(max, now.getTime() - from));
    const decided = ['approved', 'rejected', 'closed'].includes(status) ? within(submitted, day / 4, 6 * day) : null;
    const closed = status === 'closed' || status === 'withdrawn' ? within(decided ?? submitted, 0, day) : null;
    const updated = closed ?? decided ?? within(submitted, 0, status === 'new' ? 0 : day);
    const slots = slotsFor(combo.kind.key, combo.subjectType, combo.variant);
    yield {
      id: nextId++,
      reference,
      kind: combo.kind.key,
      variant: combo.variant ?? null,
      subjectType: combo.subjectType,
      status,
      priority: r.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent']),
      assigneeId: status === 'new' ? null : agentIds[i % agentIds.length]!,
      accountId: account.id,
      accountUin: account.uin,
      fields: shape.fields,
      fieldDigests: shape.digests,
      contactName: shape.contactName,
      contactEmail: account.securityEmail,
      contactPhone: account.securityPhone,
      locale: 'zh-CN',
      complete: slots.every((s) => !s.required),
      searchText: ` ${reference.toLowerCase()}${shape.searchText}`,
      slaDueAt: slaDue,
      slaPausedAt: status === 'awaiting_customer' ? updated : null,
      submittedAt: submitted,
      decision: decided === null ? null : status === 'rejected' || (status === 'closed' && r.chance(0.3)) ? 'reject' : 'approve',
      decidedAt: decided,
      closedAt: closed,
      createdAt: submitted,
      updatedAt: updated,
      slots: slots.map((s) => ({ slotKey: s.key, required: s.required })),
    };
  }
}
