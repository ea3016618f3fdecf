import { Router } from 'express';
import type { AppContext } from '../context';
import { objectionSchema, ownerCodeCheckSchema, ownerCodeIssueSchema } from '../contract/public';
import { rateLimit } from '../http/rateLimit';
import { parseInput } from '../http/validate';
import { recordObjection } from './objections';
import { issueOwnerCode, verifyOwnerCode } from './ownerCodes';

/** Public: proof of control of an account, and the owner's objection (docs/owner-binding.md). */
export function ownerProofRoutes({ db, config }: AppContext): Router {
  const router = Router();
  router.post('/owner-codes', async (req, res) => {
    const { accountId } = parseInput(ownerCodeIssueSchema, req.body);
    res.status(202).json(await issueOwnerCode(db, config.identityHashKey, accountId, req.ip ?? 'unknown'));
  });
  router.post('/owner-codes/:challengeId/verify', async (req, res) => {
    const { code } = parseInput(ownerCodeCheckSchema, req.body);
    const challengeId = String(req.params.challengeId).slice(0, 64);
    res.json(await verifyOwnerCode(db, config.identityHashKey, challengeId, code, req.ip ?? 'unknown'));
  });
  router.post('/objections', rateLimit(db, 'objection', [{ windowMs: 3600_000, max: 20 }]), async (req, res) => {
    const { token } = parseInput(objectionSchema, req.body);
    res.json(await recordObjection(db, token, config.publicBaseUrl));
  });
  return router;
}
