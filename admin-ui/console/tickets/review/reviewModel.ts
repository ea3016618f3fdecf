import type { MaterialSlot, Severity } from '../../types';

/** Slots worth asking for again: rejected by an agent, failed by the checks, or required and still missing. */
export const slotsToAskFor = (slots: readonly MaterialSlot[]): string[] =>
  slots
    .filter((slot) => slot.verdict === 'rejected' || slot.state === 'fail' || (slot.required && slot.state === 'missing'))
    .map((slot) => slot.key);

/** The slot to open first: the first with a file that nobody has judged yet, else the first with a file. */
export const firstSlotToReview = (slots: readonly MaterialSlot[]): MaterialSlot | undefined =>
  slots.find((slot) => slot.evidenceId != null && slot.verdict == null) ?? slots.find((slot) => slot.evidenceId != null) ?? slots[0];

const SEVERITY_RANK: Record<Severity, number> = { fail: 0, warn: 1, pass: 2 };

/** Findings worst first, so a failure is read before the checks that passed. */
export const bySeverity = <T extends { severity: Severity }>(findings: readonly T[]): T[] =>
  [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);

export const countBySeverity = (findings: readonly { severity: Severity }[]): Record<Severity, number> => ({
  pass: findings.filter((finding) => finding.severity === 'pass').length,
  warn: findings.filter((finding) => finding.severity === 'warn').length,
  fail: findings.filter((finding) => finding.severity === 'fail').length,
});
