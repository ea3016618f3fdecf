import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type Connection = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Transaction = Awaited<ReturnType<Connection['startTransaction']>>;
type Query = Parameters<Connection['executeRaw']>[0];

const statement = (sql: string): Query => ({ sql, args: [], argTypes: [] });

/**
 * SQLite's LIKE has no escape character unless told; PostgreSQL's is the backslash. Prisma's `contains` and
 * `startsWith` pass the pattern as given, so every LIKE is told the backslash here, and both databases then read
 * `\%` and `\_` (see likeLiteral) as the characters themselves.
 */
export function withLikeEscape(query: Query): Query {
  return /\bLIKE \?(?! ESCAPE)/.test(query.sql)
    ? { ...query, sql: query.sql.replace(/\bLIKE \?(?! ESCAPE)/g, "LIKE ? ESCAPE '\\'") }
    : query;
}

/** Hands the connection to one transaction at a time: its statements would otherwise mix on the one connection. */
function oneAtATime() {
  let last = Promise.resolve();
  return (): Promise<() => void> => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const turn = last.then(() => release);
    last = last.then(() => done);
    return turn;
  };
}

/**
 * The adapter's plain BEGIN defers the write lock to the first write, and in WAL mode a transaction that has read by
 * then fails at once with SQLITE_BUSY (the snapshot is stale) when another process committed meanwhile, whatever the
 * busy timeout. BEGIN IMMEDIATE takes the lock first, so writers in other processes queue on the busy timeout instead.
 */
function withImmediateBegin(connection: Connection): Connection {
  const turn = oneAtATime();
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query) => connection.queryRaw(withLikeEscape(query)),
    executeRaw: (query) => connection.executeRaw(withLikeEscape(query)),
    executeScript: (script) => connection.executeScript(script),
    getConnectionInfo: connection.getConnectionInfo?.bind(connection),
    dispose: () => connection.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      // SQLite is serializable only: the adapter refuses other levels with its own error, before it begins anything.
      if (isolationLevel && isolationLevel !== 'SERIALIZABLE') return connection.startTransaction(isolationLevel);
      const release = await turn();
      try {
        await connection.executeRaw(statement('BEGIN IMMEDIATE'));
      } catch (e) {
        release();
        throw e;
      }
      // Prisma sends COMMIT or ROLLBACK through executeRaw itself (no phantom query), then calls commit() or rollback().
      return {
        provider: connection.provider,
        adapterName: connection.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query) => connection.queryRaw(withLikeEscape(query)),
        executeRaw: (query) => connection.executeRaw(withLikeEscape(query)),
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  };
}

/** The better-sqlite3 adapter factory, with every transaction taking the write lock when it begins. */
export function immediateTransactions(
  factory: PrismaBetterSQLite3,
): Pick<PrismaBetterSQLite3, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withImmediateBegin(await factory.connect()),
    connectToShadowDb: async () => withImmediateBegin(await factory.connectToShadowDb()),
  };
}
