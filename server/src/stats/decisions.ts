import { DESK_UTC_OFFSET_MS, deskDayFromNumber } from '../calendar/deskCalendar';
import type { Db } from '../db/client';
import type { DatabaseKind } from '../db/databaseUrl';
import { Prisma } from '../generated/prisma/client';

// Written into the SQL, not bound: a bound number would be a float, and every row its own day.
const offsetMs = Prisma.raw(String(DESK_UTC_OFFSET_MS));
const offsetSeconds = Prisma.raw(String(DESK_UTC_OFFSET_MS / 1000));

type DayRow = { day: number | bigint; rejected: number | bigint | null; n: number | bigint };

/**
 * Decisions per desk day (docs/calendar.md) since `since`, and the median time from submission to decision:
 * aggregated in the database, as a month of decisions is tens of thousands of rows at a national desk. SQLite keeps
 * dates as epoch milliseconds (see db/client.ts), PostgreSQL as timestamps, hence the two spellings.
 */
export async function decisionsSince(db: Db, dialect: DatabaseKind, since: Date) {
  const sqlite = dialect === 'sqlite';
  const from = sqlite ? since.getTime() : since;
  const days = sqlite
    ? await db.$queryRaw<
        DayRow[]
      >`SELECT ("decidedAt" + ${offsetMs}) / 86400000 AS day, SUM(CASE WHEN "decision" = 'reject' OR "status" = 'rejected' THEN 1 ELSE 0 END) AS rejected, COUNT(*) AS n
        FROM "Ticket" WHERE "decidedAt" >= ${from} GROUP BY 1`
    : await db.$queryRaw<
        DayRow[]
      >`SELECT floor((extract(epoch FROM "decidedAt") + ${offsetSeconds}) / 86400)::int AS day, SUM(CASE WHEN "decision" = 'reject' OR "status" = 'rejected' THEN 1 ELSE 0 END) AS rejected, COUNT(*) AS n
        FROM "Ticket" WHERE "decidedAt" >= ${from} GROUP BY 1`;
  const perDay = days.map((r) => ({ day: deskDayFromNumber(Number(r.day)), rejected: Number(r.rejected ?? 0), decided: Number(r.n) }));
  const total = perDay.reduce((sum, d) => sum + d.decided, 0);
  if (total === 0) return { perDay, medianHours: null };
  const middle = Math.floor(total / 2);
  const [median] = sqlite
    ? await db.$queryRaw<
        { ms: number | bigint }[]
      >`SELECT "decidedAt" - "submittedAt" AS ms FROM "Ticket" WHERE "decidedAt" >= ${from} ORDER BY 1 LIMIT 1 OFFSET ${middle}`
    : await db.$queryRaw<
        { ms: number | bigint }[]
      >`SELECT (extract(epoch FROM ("decidedAt" - "submittedAt")) * 1000)::bigint AS ms FROM "Ticket" WHERE "decidedAt" >= ${from} ORDER BY 1 LIMIT 1 OFFSET ${middle}`;
  return { perDay, medianHours: median ? Math.round((Number(median.ms) / 3_600_000) * 10) / 10 : null };
}
