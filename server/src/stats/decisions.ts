import type { Db } from '../db/client';
import type { DatabaseKind } from '../db/databaseUrl';

const dayMs = 86_400_000;

type DayRow = { day: number | bigint; rejected: number | bigint | null; n: number | bigint };

/**
 * Decisions per UTC day since `since`, and the median time from submission to decision: aggregated in the database,
 * as a month of decisions is tens of thousands of rows at a national desk. SQLite keeps dates as epoch
 * milliseconds (see db/client.ts), PostgreSQL as timestamps, hence the two spellings.
 */
export async function decisionsSince(db: Db, dialect: DatabaseKind, since: Date) {
  const sqlite = dialect === 'sqlite';
  const from = sqlite ? since.getTime() : since;
  const days = sqlite
    ? // The divisor is written out: bound as a parameter it would be a float, and every row its own day.
      await db.$queryRaw<DayRow[]>`SELECT "decidedAt" / 86400000 AS day, SUM(CASE WHEN "decision" = 'reject' OR "status" = 'rejected' THEN 1 ELSE 0 END) AS rejected, COUNT(*) AS n
        FROM "Ticket" WHERE "decidedAt" >= ${from} GROUP BY 1`
    : await db.$queryRaw<DayRow[]>`SELECT floor(extract(epoch FROM "decidedAt") / 86400)::int AS day, SUM(CASE WHEN "decision" = 'reject' OR "status" = 'rejected' THEN 1 ELSE 0 END) AS rejected, COUNT(*) AS n
        FROM "Ticket" WHERE "decidedAt" >= ${from} GROUP BY 1`;
  const perDay = days.map((r) => ({ day: new Date(Number(r.day) * dayMs).toISOString().slice(0, 10), rejected: Number(r.rejected ?? 0), decided: Number(r.n) }));
  const total = perDay.reduce((sum, d) => sum + d.decided, 0);
  if (total === 0) return { perDay, medianHours: null };
  const middle = Math.floor(total / 2);
  const [median] = sqlite
    ? await db.$queryRaw<{ ms: number | bigint }[]>`SELECT "decidedAt" - "submittedAt" AS ms FROM "Ticket" WHERE "decidedAt" >= ${from} ORDER BY 1 LIMIT 1 OFFSET ${middle}`
    : await db.$queryRaw<{ ms: number | bigint }[]>`SELECT (extract(epoch FROM ("decidedAt" - "submittedAt")) * 1000)::bigint AS ms FROM "Ticket" WHERE "decidedAt" >= ${from} ORDER BY 1 LIMIT 1 OFFSET ${middle}`;
  return { perDay, medianHours: median ? Math.round((Number(median.ms) / 3_600_000) * 10) / 10 : null };
}
