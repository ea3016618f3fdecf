import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import * as fixtures from './fixtures';

export const API = 'http://localhost/api';

type Row = { id: number } & object;
type Filter = Record<string, unknown>;
/** What a resource lets a list query filter and sort on (mirrors the server's list specs). */
export interface ListSpec {
  filters: readonly string[];
  sortable: readonly string[];
}

export interface ListQuery {
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
  filter: Filter;
}

const problem = (status: number, code: string, message: string) => HttpResponse.json({ code, message }, { status });

const parseParam = (url: URL, name: string): unknown => {
  const raw = url.searchParams.get(name);
  return raw === null ? undefined : JSON.parse(raw);
};

/** The ra-data-simple-rest query, checked as strictly as the server should: anything malformed is an error. */
export const parseListQuery = (url: URL, spec: ListSpec): ListQuery | string => {
  let sort: unknown, range: unknown, filter: unknown;
  try {
    [sort, range, filter] = [parseParam(url, 'sort'), parseParam(url, 'range'), parseParam(url, 'filter')];
  } catch {
    return 'sort, range and filter must be JSON';
  }
  if (sort !== undefined && !(Array.isArray(sort) && sort.length === 2 && typeof sort[0] === 'string' && ['ASC', 'DESC'].includes(sort[1]))) {
    return `bad sort ${JSON.stringify(sort)}`;
  }
  if (sort !== undefined && !spec.sortable.includes((sort as [string])[0])) return `cannot sort by ${JSON.stringify(sort)}`;
  if (
    range !== undefined &&
    !(Array.isArray(range) && range.length === 2 && range.every(Number.isInteger) && range[0] >= 0 && range[1] >= range[0])
  ) {
    return `bad range ${JSON.stringify(range)}`;
  }
  if (filter !== undefined && (typeof filter !== 'object' || filter === null || Array.isArray(filter))) {
    return `bad filter ${JSON.stringify(filter)}`;
  }
  const unknownKeys = Object.keys(filter ?? {}).filter(key => key !== 'id' && !spec.filters.includes(key));
  if (unknownKeys.length > 0) return `unknown filter ${unknownKeys.join(', ')}`;
  return { sort: sort as ListQuery['sort'], range: range as ListQuery['range'], filter: (filter ?? {}) as Filter };
};

const matches = (row: Row, key: string, expected: unknown): boolean => {
  const record = row as Record<string, unknown>;
  if (key === 'q') {
    return JSON.stringify(row).toLowerCase().includes(String(expected).toLowerCase());
  }
  const range = /^(.*)_(gte|lte)$/.exec(key);
  if (range) {
    const value = String(record[range[1]!]);
    return range[2] === 'gte' ? value >= String(expected) : value <= String(expected);
  }
  if (Array.isArray(expected)) return expected.includes(record[key]);
  return record[key] === expected;
};

/** Answers a list the way ra-data-simple-rest expects: filtered, sorted, sliced, with Content-Range. */
export const listResponse = (resource: string, rows: readonly Row[], query: ListQuery) => {
  const filtered = rows.filter(row => Object.entries(query.filter).every(([key, value]) => matches(row, key, value)));
  if (query.sort) {
    const [field, order] = query.sort;
    const value = (row: Row) => String((row as Record<string, unknown>)[field] ?? '');
    filtered.sort((a, b) => value(a).localeCompare(value(b)) * (order === 'ASC' ? 1 : -1));
  }
  const [start, end] = query.range ?? [0, filtered.length - 1];
  const page = filtered.slice(start, end + 1);
  return HttpResponse.json(page, {
    headers: { 'Content-Range': `${resource} ${start}-${start + Math.max(page.length - 1, 0)}/${filtered.length}` },
  });
};

// Lists never carry a ticket's slots; only getOne does.
const listRow = (row: Row): Row => {
  const { slots: _slots, ...rest } = row as Row & { slots?: unknown };
  return rest;
};

const resource = (name: string, rows: readonly Row[], spec: ListSpec) => [
  http.get(`${API}/${name}`, ({ request }) => {
    const query = parseListQuery(new URL(request.url), spec);
    if (typeof query === 'string') return problem(400, 'INVALID_QUERY', query);
    return listResponse(name, rows.map(listRow), query);
  }),
  http.get(`${API}/${name}/:id`, ({ params }) => {
    const row = rows.find(candidate => String(candidate.id) === params.id);
    return row ? HttpResponse.json(row) : problem(404, 'NOT_FOUND', `${name} ${String(params.id)} not found`);
  }),
];

export const TICKET_SPEC: ListSpec = {
  filters: ['status', 'kind', 'subjectType', 'priority', 'assigneeId', 'overdue', 'q', 'slaDueAt_gte', 'slaDueAt_lte'],
  sortable: ['id', 'reference', 'slaDueAt', 'updatedAt', 'submittedAt', 'createdAt', 'status', 'kind'],
};

export const ticketListHandler = (resolver: HttpResponseResolver) => http.get(`${API}/tickets`, resolver);

export const meHandler = (role: 'agent' | 'supervisor' | 'admin') =>
  http.get(`${API}/auth/me`, () => HttpResponse.json({ agent: fixtures.signedInAgent(role) }));

export const handlers = [
  http.get(`${API}/public/catalog`, () => HttpResponse.json(fixtures.catalog)),
  http.get(`${API}/stats/overview`, () => HttpResponse.json(fixtures.overview)),
  meHandler('agent'),
  http.post(`${API}/auth/login`, async ({ request }) => {
    const body = (await request.json()) as { email?: unknown; password?: unknown } | null;
    if (typeof body?.email !== 'string' || typeof body.password !== 'string') {
      return problem(400, 'INVALID_INPUT', 'email and password are required');
    }
    return HttpResponse.json({ agent: fixtures.signedInAgent('agent') });
  }),
  http.post(`${API}/auth/logout`, () => new HttpResponse(null, { status: 204 })),
  ...resource('tickets', fixtures.tickets, TICKET_SPEC),
  ...resource('events', fixtures.events, { filters: ['ticketId'], sortable: ['id', 'createdAt', 'type'] }),
  ...resource('messages', fixtures.messages, { filters: ['ticketId'], sortable: ['id', 'createdAt'] }),
  ...resource('accounts', fixtures.accounts, {
    filters: ['subjectType', 'status', 'q'],
    sortable: ['id', 'uin', 'createdAt', 'updatedAt', 'subjectType', 'status'],
  }),
  ...resource('agents', fixtures.agents, {
    filters: ['q', 'role', 'active'],
    sortable: ['id', 'name', 'email', 'role', 'createdAt', 'lastLoginAt'],
  }),
];
