import { Router } from 'express';
import type { AppContext } from '../context';
import { finishBeforeExit } from '../http/inflight';
import { rateLimit } from '../http/rateLimit';
import type { EvidenceStore } from '../storage/evidenceStore';
import { chosenFilePlan } from '../intake/fileInspection';
import { intakePipeline } from '../intake/pipeline';

const hour = 3600_000;
/** A form inspects each of its few files once or a few times (a replaced photo): ten inspections for every filing allowed. */
const inspectionsPerFiling = 10;

/** POST /api/public/inspections: one chosen file, inspected in a temporary file that is gone before the answer. */
export function inspectionRoutes(ctx: AppContext & { store: EvidenceStore }): Router {
  const { appealsPerHour, appealsPerDay } = ctx.config.rateLimits;
  const router = Router();
  const limit = rateLimit(ctx.db, 'appeal-inspect', [
    { windowMs: hour, max: appealsPerHour * inspectionsPerFiling },
    { windowMs: 24 * hour, max: appealsPerDay * inspectionsPerFiling },
  ]);
  const takeIn = intakePipeline(ctx);

  router.post('/', limit, async (req, res) => {
    await finishBeforeExit(
      (async () => {
        // Gone before the answer: the customer's file outlives the request nowhere.
        const answer = await takeIn(req, res, async (upload) => chosenFilePlan(upload));
        res.set('Cache-Control', 'no-store');
        res.json(answer);
      })(),
    );
  });
  return router;
}
