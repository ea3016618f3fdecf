// Sending the appeal: its progress, the problem that stopped it, and the receipt once it is filed.
import { useState } from 'react';
import { ApiError, tokenStore, type AppealApi, type AppealPayload, type Files, type SubmittedAppeal } from '../api';
import { ownerProofErrorOf, stepOfError, type Errors } from '../draft';
import type { DraftStore } from '../parts/savedDraft';

interface Outcome {
  /** Filed: the receipt is about to be shown. */
  onFiled: () => void;
  /** The server answered with an error. */
  onRefused: (error: ApiError) => void;
}

interface Filing {
  /** How much of the upload is sent (0–1); null when nothing is being sent. */
  progress: number | null;
  sending: boolean;
  /** What stopped the last attempt, for the banner; null when there is nothing to say. */
  problem: unknown;
  clearProblem: () => void;
  result: SubmittedAppeal | null;
  /**
   * Files the appeal. The api sends every attempt of one submission under the same Idempotency-Key, so sending again
   * after a lost answer gets the first answer instead of a second appeal.
   */
  file: (payload: AppealPayload, files: Files, outcome: Outcome) => Promise<void>;
}

export function useFiling(api: AppealApi, store: DraftStore): Filing {
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<SubmittedAppeal | null>(null);

  async function file(payload: AppealPayload, files: Files, { onFiled, onRefused }: Outcome) {
    setProblem(null);
    setProgress(0);
    try {
      const filed = await api.submit(payload, files, setProgress);
      tokenStore.set(filed.reference, filed.accessToken);
      void store.clear().catch(() => undefined);
      onFiled();
      setResult(filed);
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiError) onRefused(e);
    } finally {
      setProgress(null);
    }
  }

  return { progress, sending: progress !== null, problem, clearProblem: () => setProblem(null), result, file };
}

interface Refusal {
  /** The first step where a refused answer can be fixed; undefined when no answer was named. */
  step?: number;
  errors: Errors;
  slotErrors: Record<string, { code: 'server'; text: string }>;
}

/** The server's errors, each on the step where it can be fixed. */
export function refusalOf(e: ApiError, slotKeys: readonly string[]): Refusal {
  const steps: number[] = [];
  const errors: Errors = {};
  const slotErrors: Refusal['slotErrors'] = {};
  for (const [key, value] of Object.entries(e.errors)) {
    const at = stepOfError(key, slotKeys);
    if (at === undefined) continue;
    steps.push(at);
    if (at === 3) slotErrors[key] = { code: 'server', text: value };
    // The proof was refused: it is forgotten, and the code step says why in the page's language.
    else if (key === 'ownerProof') errors[key] = ownerProofErrorOf(e.code);
    else errors[key] = value;
  }
  return { ...(steps.length > 0 && { step: Math.min(...steps) }), errors, slotErrors };
}
