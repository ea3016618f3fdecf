import type { Localized, SlotDef } from '../catalog';
import { unfilledRequired } from '../catalog/slotRequirement';
import { customerWordings } from './customerWordings';
import type { Finding, Severity } from '../evidence/inspection';
import type { SlotState } from '../contract/records';

export type FileState = 'ok' | 'warn' | 'fail';

export const fileState = (s: Severity): FileState => (s === 'pass' ? 'ok' : s);

const fileRank: Record<FileState, number> = { ok: 0, warn: 1, fail: 2 };
export const worseOf = (a: string, b: FileState): FileState => {
  const known = (a in fileRank ? a : 'ok') as FileState;
  return fileRank[known] >= fileRank[b] ? known : b;
};

export type ChecklistSlot = {
  key: string;
  label: Localized;
  hint: Localized;
  required: boolean;
  /** Another slot whose file fulfils this one instead. */
  alternative: string | null;
  state: SlotState;
  findings: Finding[];
  evidenceId: number | null;
  requested: boolean;
};

export type Checklist = { complete: boolean; slots: ChecklistSlot[] };

/**
 * Fraud signals are for agents: a customer is never told their document was seen on someone else's appeal. Nor
 * that a photo without camera information is left to an agent's eye: nothing the customer could do about it.
 */
export const agentOnlyFindings = new Set(['duplicate.other_appeal', 'exif.no_camera']);

const rank: Record<Severity, number> = { pass: 0, warn: 1, fail: 2 };

/** A finding as the customer reads it: some are worded for them, without what only an agent may know. */
function forCustomer(f: Finding): Finding {
  const wording = customerWordings[f.code];
  if (!wording) return f;
  const { facts: _agentOnly, ...rest } = f;
  return { ...rest, message: wording };
}

/** The findings a customer is shown: agent-only ones left out, the rest in the customer's wording. */
export const customerFindings = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => !agentOnlyFindings.has(f.code)).map(forCustomer);

export function stateOf(findings: readonly Finding[]): Severity {
  return findings.reduce<Severity>((worst, f) => (rank[f.severity] > rank[worst] ? f.severity : worst), 'pass');
}

/** Complete when every required slot (or its alternative) holds a file that did not fail, and no slot waits for a new file. */
export function isComplete(
  slots: readonly { key: string; required: boolean; alternative?: string | null; state: SlotState; requested?: boolean }[],
): boolean {
  const usable = new Set(slots.filter((s) => s.state === 'ok' || s.state === 'warn').map((s) => s.key));
  return slots.every((s) => !s.requested) && unfilledRequired(slots, (key) => usable.has(key)).length === 0;
}

export type CurrentEvidence = { id: number; findings: Finding[] };

export function buildChecklist(
  defs: readonly SlotDef[],
  current: ReadonlyMap<string, CurrentEvidence>,
  requested: ReadonlySet<string>,
  audience: 'customer' | 'agent',
): Checklist {
  const slots = defs.map((def): ChecklistSlot => {
    const evidence = current.get(def.key);
    const findings = audience === 'agent' ? (evidence?.findings ?? []) : customerFindings(evidence?.findings ?? []);
    return {
      key: def.key,
      label: def.label,
      hint: def.hint,
      required: def.required,
      alternative: def.alternative ?? null,
      state: evidence ? fileState(stateOf(findings)) : 'missing',
      findings,
      evidenceId: evidence?.id ?? null,
      requested: requested.has(def.key),
    };
  });
  return { complete: isComplete(slots), slots };
}
