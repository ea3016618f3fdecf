import { z } from 'zod';
import { verdicts } from './statuses';
import { versionField } from './version';

/** PUT /api/evidence/:id: an agent's verdict on one file (a rejection names a reason, docs/decisions.md). */
export const verdictSchema = z.object({
  verdict: z.enum(verdicts),
  reasonCode: z.string().max(50).nullish(),
  version: versionField,
});
export type VerdictRequest = z.input<typeof verdictSchema>;
