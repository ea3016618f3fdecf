// What each list (ra-data-simple-rest, server/src/http/listQuery.ts) lets a client filter and sort on. The server's
// ListSpec adds its where-builders to these names; the console and its mocks read them as they are.

/** How a filter key's value is read: array = IN, scalar = equals, null = IS NULL (nullable types only). */
export type FilterType = 'string' | 'int' | 'nullableInt' | 'boolean' | 'date';
export type SortOrder = 'ASC' | 'DESC';

export interface ListContract {
  /** Column filters; numbers and dates also take `<name>_gte`, `_lte`, `_gt` and `_lt`. */
  filters: Readonly<Record<string, FilterType>>;
  /** Filters that are not columns (e.g. a ticket's `overdue`): the server builds their condition. */
  computed?: Readonly<Record<string, FilterType>>;
  /** Whether the list takes a full-text `q`. */
  search: boolean;
  sortable: readonly string[];
  defaultSort: readonly [string, SortOrder];
}

export const rangeSuffixes = ['_gte', '_lte', '_gt', '_lt'] as const;

const takesRange = (type: FilterType) => type === 'int' || type === 'nullableInt' || type === 'date';

/** Every key a list's `filter` may hold. */
export function filterKeys(list: ListContract): string[] {
  const columns = Object.entries(list.filters).flatMap(([key, type]) => [
    key,
    ...(takesRange(type) ? rangeSuffixes.map((s) => `${key}${s}`) : []),
  ]);
  return [...columns, ...Object.keys(list.computed ?? {}), ...(list.search ? ['q'] : [])];
}

export const lists = {
  tickets: {
    filters: {
      id: 'int',
      reference: 'string',
      status: 'string',
      kind: 'string',
      variant: 'string',
      subjectType: 'string',
      priority: 'string',
      assigneeId: 'nullableInt',
      accountId: 'nullableInt',
      complete: 'boolean',
      slaDueAt: 'date',
      submittedAt: 'date',
      updatedAt: 'date',
      createdAt: 'date',
    },
    computed: { overdue: 'boolean' },
    search: true,
    // Each sort has an index to walk; a ticket's createdAt is its submittedAt, which is the one to sort by.
    sortable: ['id', 'reference', 'slaDueAt', 'updatedAt', 'submittedAt', 'status', 'kind'],
    defaultSort: ['slaDueAt', 'ASC'],
  },
  accounts: {
    filters: {
      id: 'int',
      uin: 'string',
      subjectType: 'string',
      status: 'string',
      mfaBound: 'boolean',
      createdAt: 'date',
      updatedAt: 'date',
    },
    search: true,
    sortable: ['id', 'uin', 'createdAt', 'updatedAt', 'subjectType', 'status'],
    defaultSort: ['id', 'ASC'],
  },
  agents: {
    filters: { id: 'int', role: 'string', active: 'boolean', email: 'string' },
    search: true,
    sortable: ['id', 'name', 'email', 'role', 'createdAt', 'lastLoginAt'],
    defaultSort: ['name', 'ASC'],
  },
  events: {
    filters: { id: 'int', ticketId: 'nullableInt', agentId: 'nullableInt', type: 'string', actorType: 'string', createdAt: 'date' },
    search: false,
    sortable: ['id', 'createdAt', 'type'],
    defaultSort: ['createdAt', 'DESC'],
  },
  evidence: {
    filters: { id: 'int', ticketId: 'int', slotId: 'int', state: 'string', current: 'boolean', sha256: 'string' },
    search: false,
    sortable: ['id', 'createdAt'],
    defaultSort: ['createdAt', 'ASC'],
  },
  holidays: {
    filters: { id: 'int', day: 'string' },
    search: true,
    sortable: ['id', 'day'],
    defaultSort: ['day', 'ASC'],
  },
  macros: {
    filters: { id: 'int', name: 'string', active: 'boolean' },
    search: true,
    sortable: ['id', 'name', 'updatedAt'],
    defaultSort: ['name', 'ASC'],
  },
  messages: {
    filters: { id: 'int', ticketId: 'int', kind: 'string', agentId: 'nullableInt', createdAt: 'date' },
    search: false,
    sortable: ['id', 'createdAt'],
    defaultSort: ['createdAt', 'ASC'],
  },
  notifications: {
    filters: { id: 'int', ticketId: 'nullableInt', channel: 'string', status: 'string', createdAt: 'date' },
    search: false,
    sortable: ['id', 'createdAt', 'status', 'sentAt'],
    defaultSort: ['createdAt', 'DESC'],
  },
  'rejection-reasons': {
    filters: { id: 'int', code: 'string', scope: 'string', active: 'boolean' },
    search: false,
    sortable: ['id', 'code'],
    defaultSort: ['id', 'ASC'],
  },
} as const satisfies Record<string, ListContract>;

export type ListName = keyof typeof lists;
