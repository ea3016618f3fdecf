import type { Db } from '../db/client';
import type { DatabaseKind } from '../db/databaseUrl';
import type { SqlReader } from '../db/reader';
import { Prisma } from '../generated/prisma/client';
import { badRequest } from '../http/errors';
import type { ListQuery, Where } from '../http/listQuery';
import { presentedColumns, type PresentedTicket } from './presenter';
import { wholeReference } from './reference';

/**
 * Most matches a search returns, newest first; past this the agent is asked to narrow it (Zendesk stops at 1,000).
 * The ids go back to the database as one IN list of bound values, well under either database's limit.
 */
export const searchLimit = 1000;

const tallyColumns = new Set(['status', 'kind', 'variant', 'subjectType', 'priority', 'assigneeId', 'complete']);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

const rangeOperators: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

type Hidden = { columns: ReadonlySet<string>; dialect: DatabaseKind };
const hiddenColumn = (column: string, dialect: DatabaseKind) =>
  dialect === 'sqlite' ? `+"${column}"` : `COALESCE("${column}", "${column}")`;

/** Columns an equality, IN list or IS NULL is written on, anywhere in the tree. */
function equalityColumns(where: Where): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND' || key === 'NOT') {
      for (const w of Array.isArray(value) ? value : [value]) if (isPlain(w)) for (const c of equalityColumns(w)) found.add(c);
    } else if (value === null || isScalar(value) || (isPlain(value) && 'in' in value)) found.add(key);
  }
  return found;
}

/**
 * The conditions as SQL, when each is one the list spec writes: an equality, an IN list or IS NULL on a column, a
 * range on a date or number, NOT of such a group. `tally` says whether every one is an equality on a column
 * TicketTally keeps, so that the total can be read there. Undefined for anything else (Prisma then reads).
 * The `hidden` columns are written as an expression (SQLite's `+"column"`, a COALESCE on PostgreSQL), which filters as
 * well but lets no index be chosen for it.
 */
function sqlConditions(where: Where, hidden?: Hidden): { parts: Prisma.Sql[]; tally: boolean } | undefined {
  const parts: Prisma.Sql[] = [];
  let tally = true;
  for (const [key, value] of Object.entries(where)) {
    if (key === 'AND' || key === 'NOT') {
      const inner = (Array.isArray(value) ? value : [value]).map((w) => (isPlain(w) ? sqlConditions(w, hidden) : undefined));
      if (inner.some((w) => w === undefined)) return undefined;
      const groups = inner as { parts: Prisma.Sql[]; tally: boolean }[];
      if (key === 'AND') {
        parts.push(...groups.flatMap((g) => g.parts));
        tally &&= groups.every((g) => g.tally);
      } else {
        for (const g of groups) parts.push(g.parts.length ? Prisma.sql`NOT (${Prisma.join(g.parts, ' AND ')})` : Prisma.sql`1 = 0`);
        tally = false;
      }
      continue;
    }
    if (!/^[A-Za-z]+$/.test(key) || key === 'searchText') return undefined;
    const column = Prisma.raw(hidden?.columns.has(key) ? hiddenColumn(key, hidden.dialect) : `"${key}"`);
    if (!tallyColumns.has(key)) tally = false;
    if (value === null) parts.push(Prisma.sql`${column} IS NULL`);
    else if (isScalar(value)) parts.push(Prisma.sql`${column} = ${value}`);
    else if (
      isPlain(value) &&
      Object.keys(value).length === 1 &&
      Array.isArray(value.in) &&
      value.in.every((v) => v !== null && isScalar(v))
    ) {
      parts.push(value.in.length ? Prisma.sql`${column} IN (${Prisma.join(value.in)})` : Prisma.sql`1 = 0`);
    } else if (
      isPlain(value) &&
      Object.keys(value).length > 0 &&
      Object.entries(value).every(([op, v]) => op in rangeOperators && (v instanceof Date || typeof v === 'number'))
    ) {
      for (const [op, v] of Object.entries(value)) parts.push(Prisma.sql`${column} ${Prisma.raw(rangeOperators[op]!)} ${v}`);
      tally = false;
    } else return undefined;
  }
  return { parts, tally };
}

// Sort keys come from the list spec's whitelist; quoting anything else as a column would be a bug, so it throws.
// `hidden` orders by an expression the planner cannot read from an index (SQLite's unary +, a COALESCE on PostgreSQL).
function orderSql(orderBy: ListQuery['orderBy'], hidden?: DatabaseKind): Prisma.Sql {
  return Prisma.join(
    orderBy.flatMap((o) =>
      Object.entries(o).map(([field, dir]) => {
        if (!/^[A-Za-z]+$/.test(field)) throw new Error(`not a ticket column: ${field}`);
        const column = hidden ? hiddenColumn(field, hidden) : `"${field}"`;
        return Prisma.raw(`${column} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
      }),
    ),
  );
}

/**
 * At most this many matches (the total is known before the page is read) are read through their filter's index and
 * sorted; more are walked in the sort's index until a page is found. A planner that guesses otherwise walks a million
 * rows of the SLA index looking for the few unassigned ones (docs/architecture.md, "Scale").
 */
const sortedAfterFiltering = 20_000;

const presentedSql = Prisma.raw(presentedColumns.map((c) => `"${c}"`).join(', '));

/** The `q` condition the list spec wrote ({ searchText: { contains } }), wherever it sits in the tree. */
function searchTerm(where: Where): string | undefined {
  for (const [key, value] of Object.entries(where)) {
    if (key === 'searchText' && isPlain(value) && typeof value.contains === 'string') return value.contains;
    if (key === 'AND' && Array.isArray(value)) {
      for (const w of value) {
        const found = isPlain(w) ? searchTerm(w) : undefined;
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

/** The same tree with the `q` condition swapped for another. */
function replaceSearch(where: Where, by: Where): Where {
  return Object.fromEntries(
    Object.entries(where).flatMap(([key, value]) => {
      if (key === 'searchText') return Object.entries(by);
      if (key === 'AND' && Array.isArray(value)) return [[key, value.map((w) => (isPlain(w) ? replaceSearch(w, by) : w))]];
      return [[key, value]];
    }),
  );
}

// GLOB rather than LIKE on SQLite: its trigram index gives up on a LIKE with an ESCAPE clause, while GLOB's own
// escape (a bracketed character) keeps it; search text is lower-case already, so GLOB's case rule costs nothing.
const escapeGlob = (s: string) => s.replace(/[*?[\]]/g, (c) => `[${c}]`);
// PostgreSQL's LIKE takes a backslash escape, and its pg_trgm index answers it.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Ids of the newest tickets whose search text holds `term`, through the database's trigram index. Shorter than
 * three characters, the term is looked for at the start or the end of a word.
 */
async function searchIds(reader: SqlReader, dialect: DatabaseKind, term: string): Promise<number[]> {
  const long = [...term].length >= 3;
  const queries =
    dialect === 'sqlite'
      ? (long ? [`*${escapeGlob(term)}*`] : [`* ${escapeGlob(term)}*`, `*${escapeGlob(term)} *`]).map(
          (pattern) =>
            Prisma.sql`SELECT rowid AS id FROM "TicketSearch" WHERE "searchText" GLOB ${pattern} ORDER BY rowid DESC LIMIT ${searchLimit + 1}`,
        )
      : [
          // One statement, so that one backward walk of the id index (it carries the search text) meets both patterns.
          Prisma.sql`SELECT "id" FROM "Ticket" WHERE ${Prisma.join(
            (long ? [`%${escapeLike(term)}%`] : [`% ${escapeLike(term)}%`, `%${escapeLike(term)} %`]).map(
              (pattern) => Prisma.sql`"searchText" LIKE ${pattern}`,
            ),
            ' OR ',
          )} ORDER BY "id" DESC LIMIT ${searchLimit + 1}`,
        ];
  const found = new Set<number>();
  for (const query of queries) {
    for (const r of await reader.all<{ id: number }>(query)) found.add(Number(r.id));
  }
  return [...found].sort((a, b) => b - a);
}

/**
 * How many of the newest tickets a one-character search reads. A single character (a surname: 张, 王) is below what a
 * trigram index answers, so it is looked for at a word's start among these rows only, read by primary key.
 */
export const shortSearchWindow = 20_000;

/** One Han character is a search (a surname); one Latin letter or digit is not. */
const isShortSearchable = (term: string) => /^\p{Script=Han}$/u.test(term);

const tooShort = {
  'zh-CN': { message: '请至少输入 2 个字符再搜索（一个汉字也可以）', field: '至少 2 个字符，或一个汉字' },
  en: {
    message: 'Type at least 2 characters to search (or one Chinese character)',
    field: 'At least 2 characters, or one Chinese character',
  },
};

/**
 * Ids of the newest tickets among the last `shortSearchWindow` with a word starting with `term`, and whether older
 * tickets were left unread. The same SQL on both databases; the term is one Han character, never a LIKE wildcard.
 */
async function shortSearchIds(reader: SqlReader, term: string): Promise<{ ids: number[]; partial: boolean }> {
  const [span] = await reader.all<{ top: number | null; bottom: number | null }>(
    // Two subqueries: SQLite reads MIN or MAX off the primary key only when it is a query's one aggregate (else 90 ms).
    Prisma.sql`SELECT (SELECT MAX("id") FROM "Ticket") AS "top", (SELECT MIN("id") FROM "Ticket") AS "bottom"`,
  );
  const top = Number(span?.top ?? 0);
  const from = top - shortSearchWindow;
  const rows = await reader.all<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Ticket" WHERE "id" > ${from} AND "searchText" LIKE ${`% ${term}%`} ORDER BY "id" DESC LIMIT ${searchLimit + 1}`,
  );
  return { ids: rows.map((r) => Number(r.id)), partial: Number(span?.bottom ?? 0) <= from };
}

/**
 * `"id"` among these. PostgreSQL takes them as one array: a thousand bound values cost it more to parse and bind than
 * the lookup itself; SQLite has no arrays, and its prepared statements are kept.
 */
function idIn(ids: number[], dialect: DatabaseKind): Prisma.Sql {
  if (ids.length === 0) return Prisma.sql`1 = 0`;
  return dialect === 'postgresql' ? Prisma.sql`"id" = ANY(${ids}::int[])` : Prisma.sql`"id" IN (${Prisma.join(ids)})`;
}

/** The statuses the filter allows, when it names them (an equality or IN list on status, ANDed with the rest). */
function statusesOf(where: Where): string[] | undefined {
  let allowed: string[] | undefined;
  const narrow = (values: unknown[]) => {
    const strings = values.filter((v): v is string => typeof v === 'string');
    allowed = allowed ? allowed.filter((s) => strings.includes(s)) : strings;
  };
  for (const [key, value] of Object.entries(where)) {
    if (key === 'status' && typeof value === 'string') narrow([value]);
    else if (key === 'status' && isPlain(value) && Array.isArray(value.in)) narrow(value.in);
    else if (key === 'AND') {
      for (const w of Array.isArray(value) ? value : [value]) {
        const inner = isPlain(w) ? statusesOf(w) : undefined;
        if (inner) narrow(inner);
      }
    }
  }
  return allowed;
}

// Sorts that follow status in an index of the schema: (status, id), (status, slaDueAt, …), (status, updatedAt, …).
const statusLedSorts = new Set(['id', 'status', 'slaDueAt', 'updatedAt']);
/** Deepest page merged from walks per status; deeper pages are sorted after filtering like any other. */
const mergedDepth = 2_000;

/**
 * The page's ids when the filter allows several statuses, on PostgreSQL: one walk of a status's index in the sort's
 * order per status, each stopping at the page's end, merged. PostgreSQL cannot walk one index in order across an IN
 * list; sorting the open queue's 13,000 entries instead cost 5 ms of the 10 a page may take (docs/architecture.md §7).
 */
function mergedByStatus(statuses: string[], filter: Prisma.Sql, q: ListQuery): Prisma.Sql {
  const order = orderSql(q.orderBy);
  // The sort's fields were checked by orderSql above.
  const columns = Prisma.raw([...new Set(['id', ...q.orderBy.flatMap((o) => Object.keys(o))])].map((c) => `"${c}"`).join(', '));
  const walks = statuses.map(
    (status) =>
      Prisma.sql`(SELECT ${columns} FROM "Ticket" WHERE "status" = ${status} AND ${filter} ORDER BY ${order} LIMIT ${q.skip + q.take})`,
  );
  return Prisma.sql`SELECT "id" FROM (${Prisma.join(walks, ' UNION ALL ')}) AS "merged" ORDER BY ${order} LIMIT ${q.take} OFFSET ${q.skip}`;
}

export type TicketPage = { rows: PresentedTicket[]; total: number; totalIsLowerBound: boolean };

/** The presented columns of these tickets, in this order. */
async function ticketsByIds(reader: SqlReader, ids: number[]): Promise<PresentedTicket[]> {
  if (ids.length === 0) return [];
  const rows = await reader.all<PresentedTicket>(Prisma.sql`SELECT ${presentedSql} FROM "Ticket" WHERE "id" IN (${Prisma.join(ids)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A page of tickets and its total, at a million rows: the page is found through an index on ids alone and then
 * read (25 rows, not every match), and the total comes from TicketTally when the filters allow. Rows are read with
 * SQL both databases share: through Prisma's typed reads the same request took three times the CPU.
 */
export async function listTickets(db: Db, reader: SqlReader, dialect: DatabaseKind, q: ListQuery, locale = 'zh-CN'): Promise<TicketPage> {
  let where = q.where;
  let totalIsLowerBound = false;
  /** Tickets the search index found, when `q` was given: the other conditions filter these. */
  let found: number[] | undefined;
  const term = searchTerm(where);
  const short = term !== undefined && [...term].length < 2;
  if (term !== undefined && short && !isShortSearchable(term)) {
    const text = tooShort[locale === 'en' ? 'en' : 'zh-CN'];
    throw badRequest(text.message, { q: text.field }, 'SEARCH_TOO_SHORT');
  }
  if (term !== undefined && short) {
    const { ids, partial } = await shortSearchIds(reader, term);
    totalIsLowerBound = partial || ids.length > searchLimit;
    found = ids.slice(0, searchLimit);
    where = replaceSearch(where, {});
  } else if (term !== undefined && wholeReference.test(term)) {
    // A whole reference is read off its unique index; the trigram index would intersect a million "ap-20…" rows.
    // An erased ticket (its search text emptied) is found by no search.
    const rows = await reader.all<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "Ticket" WHERE "reference" = ${term.toUpperCase()} AND "searchText" <> ''`,
    );
    found = rows.map((r) => Number(r.id));
    where = replaceSearch(where, {});
  } else if (term !== undefined) {
    const ids = await searchIds(reader, dialect, term);
    totalIsLowerBound = ids.length > searchLimit;
    found = ids.slice(0, searchLimit);
    where = replaceSearch(where, {});
  }
  const sql = sqlConditions(where);
  if (sql) {
    const conditions = [...sql.parts];
    if (found) conditions.push(idIn(found, dialect));
    const filter = conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`1 = 1`;
    // A search's matches are counted among themselves (a thousand at most, and no count at all when nothing else
    // filters them); SUM is a bigint on PostgreSQL.
    const countSql =
      found || !sql.tally
        ? Prisma.sql`SELECT COUNT(*) AS "total" FROM "Ticket" WHERE ${filter}`
        : conditions.length
          ? Prisma.sql`SELECT COALESCE(SUM("n"), 0) AS "total" FROM "TicketTally" WHERE ${filter}`
          : Prisma.sql`SELECT "n" AS "total" FROM "TicketTotal" WHERE "id" = 1`;
    const total =
      found && !sql.parts.length ? found.length : Number((await reader.all<{ total: number | bigint }>(countSql))[0]?.total ?? 0);
    // A combination no ticket has would otherwise walk a whole index looking for its first row.
    if (total <= q.skip) return { rows: [], total, totalIsLowerBound };
    const order = orderSql(q.orderBy);
    const few = total <= sortedAfterFiltering;
    const pageOrder = conditions.length && few ? orderSql(q.orderBy, dialect) : order;
    // SQLite would read a kind's hundred thousand tickets through the index kept for sorting by kind, then sort them;
    // walking the sort's index meets a page of them sooner.
    const sortedByKind = q.orderBy.some((o) => 'kind' in o);
    // PostgreSQL would AND the bitmaps of the assignee's and the status's indexes and visit a heap page per match;
    // with the other equalities hidden, the few matches are read from a status index alone (it holds their columns).
    const equalities = equalityColumns(where);
    const hidden: Hidden | undefined =
      dialect === 'sqlite' && !few && !found && !sortedByKind
        ? { columns: new Set(['kind']), dialect }
        : dialect === 'postgresql' && few && !found && equalities.delete('status')
          ? { columns: equalities, dialect }
          : undefined;
    const pageFilter = hidden && sql.parts.length ? Prisma.join(sqlConditions(where, hidden)!.parts, ' AND ') : filter;
    const statuses = dialect === 'postgresql' && !found ? statusesOf(where) : undefined;
    const pageIds =
      statuses && statuses.length > 1 && statusLedSorts.has(Object.keys(q.orderBy[0] ?? {})[0]!) && q.skip + q.take <= mergedDepth
        ? mergedByStatus(statuses, filter, q)
        : Prisma.sql`SELECT "id" FROM "Ticket" WHERE ${pageFilter} ORDER BY ${pageOrder} LIMIT ${q.take} OFFSET ${q.skip}`;
    const rows = await reader.all<PresentedTicket>(Prisma.sql`
      SELECT ${presentedSql} FROM "Ticket" WHERE "id" IN (${pageIds}) ORDER BY ${order}`);
    return { rows, total, totalIsLowerBound };
  }
  const ticketWhere = (found ? { AND: [where, { id: { in: found } }] } : where) as Prisma.TicketWhereInput;
  const [total, page] = await Promise.all([
    db.ticket.count({ where: ticketWhere }),
    db.ticket.findMany({
      where: ticketWhere,
      orderBy: q.orderBy as Prisma.TicketOrderByWithRelationInput[],
      skip: q.skip,
      take: q.take,
      select: { id: true },
    }),
  ]);
  return {
    rows: await ticketsByIds(
      reader,
      page.map((r) => r.id),
    ),
    total,
    totalIsLowerBound,
  };
}
