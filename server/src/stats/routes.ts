import { Router } from 'express';
import { authorize } from '../auth/policy';
import { signedIn } from '../auth/middleware';
import type { AppContext } from '../context';
import { openStatuses } from '../tickets/statuses';

export function statsRoutes({ db }: AppContext): Router {
  const router = Router();
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
    const since = new Date(Date.now() - 30 * 86_400_000);
    const [decided, load, dueSoon] = await Promise.all([
      db.ticket.findMany({ where: { decidedAt: { gte: since } }, select: { submittedAt: true, decidedAt: true, decision: true, status: true } }),
      db.ticketTally.groupBy({ by: ['assigneeId'], where: open, _sum: { n: true } }),
      db.ticket.count({ where: { ...open, slaPausedAt: null, slaDueAt: { gte: new Date(), lt: new Date(Date.now() + 86_400_000) } } }),
    ]);
    const hours = decided.map((t) => (t.decidedAt!.getTime() - t.submittedAt.getTime()) / 3600_000).sort((a, b) => a - b);
    const perDay = new Map<string, { day: string; approved: number; rejected: number }>();
    for (let d = 29; d >= 0; d -= 1) {
      const day = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
      perDay.set(day, { day, approved: 0, rejected: 0 });
    }
    for (const t of decided) {
      const row = perDay.get(t.decidedAt!.toISOString().slice(0, 10));
      if (!row) continue;
      if (t.decision === 'reject' || t.status === 'rejected') row.rejected += 1;
      else row.approved += 1;
    }
    res.json({
      open: openStatuses.reduce((sum, s) => sum + (statusCounts[s] ?? 0), 0),
      overdue,
      byStatus: statusCounts,
      byKind: Object.fromEntries(byKind.map((r) => [r.kind, r._sum.n ?? 0]).filter(([, n]) => n)),
      dueSoon,
      medianHoursToDecision: hours.length ? Math.round(hours[Math.floor(hours.length / 2)]! * 10) / 10 : null,
      decisionsPerDay: [...perDay.values()],
      loadPerAgent: load.map((r) => ({ agentId: r.assigneeId, open: r._sum.n ?? 0 })).filter((r) => r.open > 0).sort((a, b) => b.open - a.open),
    });
  });
  return router;
}
