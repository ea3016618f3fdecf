import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import type { InspectedSlot, Inspection } from '../evidence/inspection';
import type { Prisma } from '../generated/prisma/client';

export type InspectionMemo = {
  get(sha256: string | undefined, slot: InspectedSlot): Promise<Inspection | undefined>;
  keep(slot: InspectedSlot, inspection: Inspection): Promise<void>;
};

/** What the verdict depends on besides the bytes: the slot's rules (a catalog change is another key). */
const rulesOf = (slot: InspectedSlot) =>
  createHash('sha256')
    .update(JSON.stringify([slot.key, slot.accept, slot.maxBytes, slot.checks]))
    .digest('hex');

const keyOf = (sha256: string, slot: InspectedSlot) => `${sha256}:${rulesOf(slot)}`;

/** Verdicts kept between two sweeps of the expired ones, per process. */
const KEEPS_PER_SWEEP = 100;

/**
 * Recent inspections by the SHA-256 of the bytes and the slot's rules, in the database (InspectionVerdict), so every
 * server process sees them. The form has each file inspected when the customer chooses it, and the filing sends the
 * same bytes: the filing reuses that verdict instead of decoding the photo a second time (docs/architecture.md,
 * step 3). An inspection is a function of the bytes and the rules alone, and the digest is the server's own, taken
 * while the bytes were received, so a verdict cannot be borrowed by other bytes. Kept two hours; refusals are not
 * kept: they throw before any decoding that matters.
 */
export function inspectionMemo(db: Db, { ttlMs = 2 * 3_600_000, now = () => new Date() } = {}): InspectionMemo {
  let keeps = 0;
  return {
    async get(sha256, slot) {
      if (!sha256) return undefined;
      const found = await db.inspectionVerdict.findUnique({ where: { key: keyOf(sha256, slot) } });
      // Read afresh from the row: the caller adds findings of its own (duplicates within the appeal) to its copy.
      return found && found.expiresAt > now() ? (found.inspection as Inspection) : undefined;
    },
    async keep(slot, inspection) {
      const key = keyOf(inspection.sha256, slot);
      const data = { inspection: inspection as unknown as Prisma.InputJsonValue, expiresAt: new Date(now().getTime() + ttlMs) };
      await db.inspectionVerdict.upsert({ where: { key }, create: { key, ...data }, update: data });
      if (++keeps % KEEPS_PER_SWEEP === 0) await purgeInspectionVerdicts(db, now());
    },
  };
}

/** Every verdict on these bytes, whatever the slot: for a file erased from the desk. */
export async function forgetInspectionVerdicts(db: Db, sha256: string): Promise<void> {
  await db.inspectionVerdict.deleteMany({ where: { key: { startsWith: `${sha256}:` } } });
}

/** Verdicts past their two hours: nobody will file those bytes on them any more. */
export async function purgeInspectionVerdicts(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.inspectionVerdict.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
