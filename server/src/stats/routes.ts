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
      db.ticket.groupBy({ by: ['status'], _count: { _all: true } }),
      db.ticket.groupBy({ by: ['kind'], where: open, _count: { _all: true } }),
      db.ticket.count({ where: { ...open, slaPausedAt: null, slaDueAt: { lt: new Date() } } }),
    ]);
    const statusCounts = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all]));
    res.json({
      open: openStatuses.reduce((sum, s) => sum + (statusCounts[s] ?? 0), 0),
      overdue,
      byStatus: statusCounts,
      byKind: Object.fromEntries(byKind.map((r) => [r.kind, r._count._all])),
    });
  });
  return router;
}
