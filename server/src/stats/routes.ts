import { Router } from 'express';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import { deskDay, deskDayBounds, shiftDeskDay } from '../calendar/deskCalendar';
import type { AppContext } from '../context';
import { databaseKind } from '../db/databaseUrl';
import { openStatuses } from '../contract/statuses';
import { decisionsSince } from './decisions';

export function statsRoutes({ db, config }: AppContext): Router {
  const router = Router();
  const dialect = databaseKind(config.databaseUrl);
  router.get('/overview', async (req, res) => {
    authorize(signedIn(req).role, 'stats.read');
    const open = { status: { in: [...openStatuses] } };
    const [byStatus, byKind, overdue] = await Promise.all([
      // Counts by status, kind and assignee come from the tally the triggers keep, not from a scan of every ticket.
      db.ticketTally.groupBy({ by: ['status'], _sum: { n: true } }),
      db.ticketTally.groupBy({ by: ['kind'], where: open, _sum: { n: true } }),
      db.ticket.count({ where: { ...open, slaPausedAt: null, slaDueAt: { lt: new Date() } } }),
    ]);
    const statusCounts = Object.fromEntries(byStatus.map((r) => [r.status, r._sum.n ?? 0]).filter(([, n]) => n));
    // Thirty whole desk days, today's included.
    const today = deskDay(new Date());
    const since = deskDayBounds(shiftDeskDay(today, -29)).start;
    const [decided, load, dueSoon] = await Promise.all([
      decisionsSince(db, dialect, since),
      db.ticketTally.groupBy({ by: ['assigneeId'], where: open, _sum: { n: true } }),
      db.ticket.count({ where: { ...open, slaPausedAt: null, slaDueAt: { gte: new Date(), lt: new Date(Date.now() + 86_400_000) } } }),
    ]);
    const perDay = new Map<string, { day: string; approved: number; rejected: number }>();
    for (let d = 29; d >= 0; d -= 1) {
      const day = shiftDeskDay(today, -d);
      perDay.set(day, { day, approved: 0, rejected: 0 });
    }
    for (const d of decided.perDay) {
      const row = perDay.get(d.day);
      if (!row) continue;
      row.rejected += d.rejected;
      row.approved += d.decided - d.rejected;
    }
    res.json({
      open: openStatuses.reduce((sum, s) => sum + (statusCounts[s] ?? 0), 0),
      overdue,
      byStatus: statusCounts,
      byKind: Object.fromEntries(byKind.map((r) => [r.kind, r._sum.n ?? 0]).filter(([, n]) => n)),
      dueSoon,
      medianHoursToDecision: decided.medianHours,
      decisionsPerDay: [...perDay.values()],
      loadPerAgent: load
        .map((r) => ({ agentId: r.assigneeId, open: r._sum.n ?? 0 }))
        .filter((r) => r.open > 0)
        .sort((a, b) => b.open - a.open),
    });
  });
  return router;
}
