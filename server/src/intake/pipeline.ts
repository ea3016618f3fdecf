import type { Request, Response } from 'express';
import type { SlotDef } from '../catalog';
import type { Db } from '../db/client';
import type { EvidenceStore } from '../storage/evidenceStore';
import { releaseUnreferenced, storeFiles } from './attachEvidence';
import { inspectParts, markDuplicatesWithin, type CurrentFile, type IntakeFile } from './evidenceIntake';
import { discard, receiveUpload, type UploadedPart } from './upload';
import { inspectionMemo, type InspectionMemo } from './inspectionMemo';

export type ReceivedUpload = { parts: UploadedPart[]; fields: Record<string, unknown> };

/** What a route does with the files it receives; the steps and their order are the pipeline's. */
export type IntakePlan<T> = {
  /** The slots the parts fill: a part for another slot, or two parts for one, refuse the upload. */
  slots: readonly SlotDef[];
  /** Read after the inspection: files of the appeal's other slots that a new file may not repeat. */
  held?: () => Promise<readonly CurrentFile[]>;
  /** Kept files are stored before `finish`, and released again when it fails; an inspection only keeps none. */
  store: boolean;
  /** Records the inspected files (in one transaction), or words the answer from them. */
  finish: (files: IntakeFile[]) => Promise<T>;
  /** After a failed `finish` and the release of its files: an answer instead of the error, or null. */
  recover?: (error: unknown) => Promise<T | null>;
};

/** An upload answered before any file is inspected (a filing replayed under its Idempotency-Key). */
export type Answered<T> = { answered: T };

export type Intake = <T>(req: Request, res: Response, plan: (upload: ReceivedUpload) => Promise<IntakePlan<T> | Answered<T>>) => Promise<T>;

type Stores = { db: Db; store: EvidenceStore };

/**
 * The one way customer files come in: received into temporary files, inspected against their slots, duplicates
 * marked, then stored and recorded, or, when recording fails, the files this upload stored are released again.
 * The temporary files are gone when it returns, before the caller answers: a retry that follows at once finds none.
 */
export function intakePipeline({ db, store }: Stores): Intake {
  const receive = receiveUpload(store.incomingDir);
  // The inspection route and the filing route meet in it, on whichever process each request reaches.
  const stores = { db, store, memo: inspectionMemo(db) };
  return async (req, res, plan) => {
    let parts: UploadedPart[] = [];
    try {
      const upload = await receive(req, res);
      parts = upload.parts;
      const steps = await plan(upload);
      return 'answered' in steps ? steps.answered : await takeIn(stores, parts, steps);
    } finally {
      await discard(parts);
    }
  };
}

async function takeIn<T>(
  { db, store, memo }: Stores & { memo: InspectionMemo },
  parts: readonly UploadedPart[],
  plan: IntakePlan<T>,
): Promise<T> {
  const files = await inspectParts(parts, plan.slots, memo);
  markDuplicatesWithin(files, plan.held ? await plan.held() : []);
  if (!plan.store) return plan.finish(files);
  const stored = await storeFiles(store, files);
  try {
    return await plan.finish(files);
  } catch (e) {
    await releaseUnreferenced(db, store, stored);
    const answer = plan.recover ? await plan.recover(e) : null;
    if (answer !== null) return answer;
    throw e;
  }
}
