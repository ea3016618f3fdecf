import type { Finding, Inspection } from '../../../server/src/evidence/inspection';

/** The codes of an inspection's findings, in order. */
export const codes = (inspection: Inspection) => inspection.findings.map((f) => f.code);

/** The finding with `code`, or an error naming the codes there were. */
export function findingOf(inspection: Inspection, code: string): Finding {
  const found = inspection.findings.find((f) => f.code === code);
  if (!found) throw new Error(`no ${code} among ${codes(inspection).join(', ')}`);
  return found;
}
