import { z } from 'zod';
import type { FilterType, ListContract } from '../contract/lists';
import { badRequest } from './errors';

export type { FilterType };

export type Where = Record<string, unknown>;

export type ListSpec = {
  filters: Readonly<Record<string, FilterType>>;
  sortable: readonly string[];
  defaultSort: readonly [string, 'ASC' | 'DESC'];
  /** Full-text `q`. */
  search?: (q: string) => Where;
  /** Keys that are not columns, e.g. `overdue`. */
  computed?: Record<string, { schema: z.ZodType; where: (value: never) => Where }>;
};

export type ListQuery = {
  where: Where;
  orderBy: Record<string, 'asc' | 'desc'>[];
  skip: number;
  take: number;
  start: number;
};

export const maxPageSize = 500;

export const rangeSuffixes = { _gte: 'gte', _lte: 'lte', _gt: 'gt', _lt: 'lt' } as const;

export const scalarSchemas: Record<FilterType, z.ZodType> = {
  string: z.string().max(200),
  int: z.coerce.number().int(),
  nullableInt: z.coerce.number().int(),
  boolean: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  // Both databases store these years; past them PostgreSQL refuses the value (a 500 before this bound).
  date: z.coerce
    .date()
    .refine((d) => d.getTime() >= Date.UTC(1000, 0, 1) && d.getTime() < Date.UTC(10000, 0, 1), 'Invalid date: years 1000 to 9999'),
};

type FilterValue = { string: string; int: number; nullableInt: number; boolean: boolean; date: Date };
type Builders<C extends ListContract> = (C extends { search: true } ? { search: (q: string) => Where } : { search?: never }) &
  (C extends { computed: infer K extends Readonly<Record<string, FilterType>> }
    ? { computed: { [P in keyof K]: (value: FilterValue[K[P]]) => Where } }
    : { computed?: never });

/** A list's spec: the names a client may use from the contract (server/src/contract/lists.ts), the conditions from the resource. */
export function listSpec<C extends ListContract>(list: C, builders: Builders<C>): ListSpec {
  const wheres: Partial<Record<string, (value: never) => Where>> = builders.computed ?? {};
  const computed = Object.fromEntries(
    Object.entries(list.computed ?? {}).map(([key, type]) => [key, { schema: scalarSchemas[type], where: wheres[key]! }]),
  );
  return {
    filters: list.filters,
    sortable: list.sortable,
    defaultSort: list.defaultSort,
    search: builders.search,
    ...(list.computed ? { computed } : {}),
  };
}

// Built once: a zod schema costs far more to build than to run, and a list request reads two.
const sortSchema = z.tuple([
  z.string(),
  z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(['ASC', 'DESC'])),
]);
export const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

function parseJsonParam(raw: unknown, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest(`${name} must be given once, as JSON`, { [name]: 'Must be JSON' }, 'INVALID_LIST_QUERY');
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`${name} is not valid JSON`, { [name]: 'Must be JSON' }, 'INVALID_LIST_QUERY');
  }
}

function invalid(param: string, message: string): never {
  throw badRequest(`Invalid ${param}: ${message}`, { [param]: message }, 'INVALID_LIST_QUERY');
}

function readValue(type: FilterType, value: unknown, key: string): unknown {
  const parsed = scalarSchemas[type].safeParse(value);
  if (!parsed.success) invalid('filter', `${key} has an invalid value`);
  return parsed.data;
}

// Own keys only: a filter named `toString` or `__proto__` must not find something on Object.prototype.
const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

function filterWhere(spec: ListSpec, key: string, value: unknown): Where {
  if (key === 'q') {
    if (!spec.search) invalid('filter', 'this list has no search');
    if (typeof value !== 'string') invalid('filter', 'q must be text');
    const q = value.trim().slice(0, 200);
    return q ? spec.search(q) : {};
  }
  const computed = own(spec.computed, key);
  if (computed) {
    const parsed = computed.schema.safeParse(value);
    if (!parsed.success) invalid('filter', `${key} has an invalid value`);
    return computed.where(parsed.data as never);
  }
  for (const [suffix, op] of Object.entries(rangeSuffixes)) {
    if (!key.endsWith(suffix)) continue;
    const field = key.slice(0, -suffix.length);
    const type = own(spec.filters, field);
    if (type === 'int' || type === 'nullableInt' || type === 'date') return { [field]: { [op]: readValue(type, value, key) } };
  }
  const type = own(spec.filters, key);
  if (!type) invalid('filter', `unknown filter ${key}`);
  if (Array.isArray(value)) {
    if (value.length > 1000) invalid('filter', `${key} lists too many values`);
    const values = value.map((v) => readValue(type, v, key));
    return { [key]: { in: values } };
  }
  if (value === null) {
    if (type !== 'nullableInt') invalid('filter', `${key} cannot be null`);
    return { [key]: null };
  }
  return { [key]: readValue(type, value, key) };
}

/** Reads ra-data-simple-rest's `sort`, `range` and `filter` query parameters into a Prisma-shaped query. */
export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  const sortRaw = parseJsonParam(query.sort, 'sort') ?? spec.defaultSort;
  const sort = sortSchema.safeParse(sortRaw);
  if (!sort.success) invalid('sort', 'expected ["field","ASC"|"DESC"]');
  const [field, order] = sort.data;
  if (!spec.sortable.includes(field)) invalid('sort', `cannot sort by ${field}`);

  const rangeRaw = parseJsonParam(query.range, 'range') ?? [0, 24];
  const range = rangeSchema.safeParse(rangeRaw);
  if (!range.success) invalid('range', 'expected [start,end] with whole numbers');
  const [start, end] = range.data;
  if (end < start) invalid('range', 'end comes before start');
  if (end - start + 1 > maxPageSize) invalid('range', `at most ${maxPageSize} rows a page`);

  const filterRaw = parseJsonParam(query.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) invalid('filter', 'expected an object');
  const clauses = Object.entries(filterRaw)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => filterWhere(spec, k, v))
    .filter((w) => Object.keys(w).length > 0);

  const direction = order === 'ASC' ? 'asc' : 'desc';
  const orderBy: Record<string, 'asc' | 'desc'>[] = [{ [field]: direction }];
  if (field !== 'id') orderBy.push({ id: direction });
  return {
    where: clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { AND: clauses },
    orderBy,
    skip: start,
    take: end - start + 1,
    start,
  };
}

export function contentRange(resource: string, start: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;
}

/** A search term as a LIKE pattern that matches it literally: `%`, `_` and the backslash stand for themselves (db/sqliteAdapter.ts). */
export const likeLiteral = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
