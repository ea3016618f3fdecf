// One file inspected when the customer chooses it, before any appeal exists: the submission's own checks, kept nowhere.
import { z } from 'zod';
import { slotsFor } from '../catalog';
import { kindKeys, subjectTypeKeys } from '../catalog/codes';
import type { Finding, Severity } from '../evidence/inspection';
import { badRequest } from '../http/errors';
import { parseInput } from '../http/validate';
import { customerFindings, stateOf } from './checklist';
import type { CurrentFile } from './evidenceIntake';
import type { IntakePlan, ReceivedUpload } from './pipeline';

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`));

/** A file the customer already chose for another slot of this appeal, by the fingerprint its own inspection gave. */
export const chosenFileSchema = z.strictObject({ slot: z.string().max(60), sha256: hex(64), phash: hex(16).nullable() });

/** The multipart `context` part: which appeal the file is for (so its slot's checks apply), and the files chosen so far. */
export const inspectionContextSchema = z.strictObject({
  kind: z.enum(kindKeys),
  subjectType: z.enum(subjectTypeKeys),
  variant: z.string().max(60).optional(),
  others: z.array(chosenFileSchema).max(20).default([]),
});
export type InspectionContext = z.infer<typeof inspectionContextSchema>;
export type ChosenFile = z.infer<typeof chosenFileSchema>;

export type CustomerInspection = {
  slot: string;
  state: Severity;
  findings: Finding[];
  /** What a later inspection of another slot compares with (duplicates within the appeal); not kept by the server. */
  fingerprint: { sha256: string; phash: string | null };
};

export function readInspectionContext(fields: Record<string, unknown>): InspectionContext {
  const raw = fields.context;
  if (typeof raw !== 'string') throw badRequest('The form lacks its context part', { context: 'Required' }, 'CONTEXT_REQUIRED');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('The context part is not valid JSON', { context: 'Must be JSON' }, 'INVALID_CONTEXT');
  }
  return parseInput(inspectionContextSchema, parsed);
}

/**
 * Inspects the one file of the upload as the submission will (pipeline.ts), duplicates judged against the files
 * already chosen for the appeal's other slots, keeps nothing, and words the findings as the customer reads them on
 * the status page.
 */
export function chosenFilePlan(upload: ReceivedUpload): IntakePlan<CustomerInspection> {
  const context = readInspectionContext(upload.fields);
  if (upload.parts.length !== 1)
    throw badRequest('Send exactly one file to inspect', { file: 'Exactly one file / 请只选择一个文件' }, 'ONE_FILE_ONLY');
  const slots = slotsFor(context.kind, context.subjectType, context.variant);
  const chosen = context.others.flatMap((o): CurrentFile[] => {
    const slot = slots.find((s) => s.key === o.slot);
    return slot ? [{ slot, sha256: o.sha256, phash: o.phash }] : [];
  });
  return {
    slots,
    held: async () => chosen,
    store: false,
    async finish([file]) {
      const findings = customerFindings(file!.inspection.findings);
      return {
        slot: file!.slotKey,
        state: stateOf(findings),
        findings,
        fingerprint: { sha256: file!.inspection.sha256, phash: file!.inspection.phash },
      };
    },
  };
}
