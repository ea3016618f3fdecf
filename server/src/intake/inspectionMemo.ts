import type { InspectedSlot, Inspection } from '../evidence/inspection';

export type InspectionMemo = {
  get(sha256: string | undefined, slot: InspectedSlot): Inspection | undefined;
  keep(slot: InspectedSlot, inspection: Inspection): void;
};

/** What the verdict depends on besides the bytes: the slot's rules (a catalog change is another key). */
const rulesOf = (slot: InspectedSlot) => JSON.stringify([slot.key, slot.accept, slot.maxBytes, slot.checks]);

/**
 * Recent inspections by the SHA-256 of the bytes and the slot's rules. The form has each file inspected when the
 * customer chooses it, and the filing sends the same bytes: the filing reuses that verdict instead of decoding the
 * photo a second time (docs/architecture.md, step 3). An inspection is a function of the bytes and the rules alone,
 * and the digest is the server's own, taken while the bytes were received, so a verdict cannot be borrowed by
 * other bytes. Bounded and short-lived; per process, so a filing that reaches another process inspects again.
 * Refusals are not kept: they throw before any decoding that matters.
 */
export function inspectionMemo({ entries = 2_000, ttlMs = 2 * 3_600_000, now = Date.now } = {}): InspectionMemo {
  const kept = new Map<string, { until: number; inspection: Inspection }>();
  return {
    get(sha256, slot) {
      if (!sha256) return undefined;
      const key = `${sha256} ${rulesOf(slot)}`;
      const found = kept.get(key);
      if (!found) return undefined;
      if (found.until <= now()) {
        kept.delete(key);
        return undefined;
      }
      // The caller adds findings of its own (duplicates within the appeal): each gets a copy.
      return structuredClone(found.inspection);
    },
    keep(slot, inspection) {
      const key = `${inspection.sha256} ${rulesOf(slot)}`;
      kept.delete(key);
      kept.set(key, { until: now() + ttlMs, inspection: structuredClone(inspection) });
      // Oldest first in a Map: the first key is the one to drop.
      if (kept.size > entries) kept.delete(kept.keys().next().value!);
    },
  };
}
