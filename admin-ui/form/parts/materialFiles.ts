import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError, type ChosenFile, type CustomerInspection, type Files } from '../api';
import type { AcceptedType, CatalogSlot } from '../catalog';
import { checkFile, formatBytes, type CheckedFile, type FileProblem } from '../fileCheck';
import type { I18n } from '../i18n';
import { shrinkPhoto } from '../photoShrink';

export interface PickedFile {
  file: File;
  /** The type its first bytes showed. */
  type: AcceptedType;
  /** The size of the photo the customer chose, when it was scaled down in the browser to fit. */
  scaledFrom?: number;
}

/** Why a slot cannot go as it is: refused before upload, refused by the server, or still empty. */
export type SlotError = FileProblem | { code: 'server'; text: string } | { code: 'missing' };

/** What the server's checks said of the chosen file: still checking, the findings, or no answer (checked on submission). */
export type SlotInspection = { state: 'checking' } | { state: 'done'; result: CustomerInspection } | { state: 'unavailable' };

export type SlotLimits = Pick<CatalogSlot, 'key' | 'accept' | 'maxBytes'>;

/** Asks the server to inspect a chosen file (POST /inspections); rejects with the ApiError of a refusal. */
export type Inspector = (slotKey: string, file: File, others: readonly ChosenFile[]) => Promise<CustomerInspection>;

const typeNames: Record<AcceptedType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** "JPEG、PNG、WebP 或 PDF" / "JPEG, PNG, WebP or PDF" */
export function acceptedTypes(i18n: I18n, accept: readonly AcceptedType[]): string {
  const names = accept.map((type) => typeNames[type]);
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(i18n.t('file.separator'))}${i18n.t('file.or')}${names.at(-1)}`;
}

export function slotErrorText(i18n: I18n, error: SlotError): string {
  switch (error.code) {
    case 'empty':
      return i18n.t('file.empty');
    case 'too_large':
      return i18n.t('file.too_large', { size: formatBytes(error.size), max: formatBytes(error.maxBytes) });
    case 'wrong_type':
      return i18n.t('file.wrong_type', { types: acceptedTypes(i18n, error.accept) });
    case 'server':
      return i18n.errorText(error.text);
    case 'missing':
      return i18n.t('upload.missing');
  }
}

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

/** A photo over the limit is scaled down rather than refused; anything else is checked as chosen. */
type Choice = { checked: CheckedFile; file: File; scaledFrom?: number };

async function checkedChoice(slot: SlotLimits, file: File): Promise<Choice> {
  const checked = await checkFile(file, slot);
  if (checked.ok || checked.problem.code !== 'too_large' || !slot.accept.includes('image/jpeg')) return { checked, file };
  const smaller = await shrinkPhoto(file, slot.maxBytes).catch(() => null);
  if (!smaller) return { checked, file };
  return { checked: await checkFile(smaller, slot), file: smaller, scaledFrom: file.size };
}

/** The server's refusal of the file itself (type, size, damage), in both languages; null for any other failure. */
const refusedBy = (error: unknown, slotKey: string): string | null =>
  error instanceof ApiError && [413, 415, 422].includes(error.status) ? (error.errors[slotKey] ?? null) : null;

/**
 * The files chosen for material slots, each checked before it is kept, with each slot's error; with an inspector,
 * each kept file also gets the server's findings (colour, blur, camera, duplicates among the chosen files).
 */
export function useMaterialFiles(inspector?: Inspector) {
  const [files, setFiles] = useState<Record<string, PickedFile>>({});
  const [errors, setErrors] = useState<Record<string, SlotError>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});
  const [inspections, setInspections] = useState<Record<string, SlotInspection>>({});
  const inspectorRef = useRef(inspector);
  inspectorRef.current = inspector;
  // The latest choice per slot: an answer about a file since replaced or removed is dropped.
  const latest = useRef<Record<string, File | undefined>>({});
  const fingerprints = useRef<Record<string, ChosenFile>>({});

  const forget = (key: string) => {
    latest.current[key] = undefined;
    delete fingerprints.current[key];
    setInspections((i) => without(i, key));
  };

  const inspect = useCallback(async (slot: SlotLimits, file: File) => {
    const run = inspectorRef.current;
    if (!run) return;
    setInspections((i) => ({ ...i, [slot.key]: { state: 'checking' } }));
    const others = Object.values(fingerprints.current).filter((f) => f.slot !== slot.key);
    try {
      const result = await run(slot.key, file, others);
      if (latest.current[slot.key] !== file) return;
      fingerprints.current[slot.key] = { slot: slot.key, ...result.fingerprint };
      setInspections((i) => ({ ...i, [slot.key]: { state: 'done', result } }));
    } catch (e) {
      if (latest.current[slot.key] !== file) return;
      const refusal = refusedBy(e, slot.key);
      if (refusal === null) {
        // No answer (offline, rate-limited): the submission checks the file anyway.
        setInspections((i) => ({ ...i, [slot.key]: { state: 'unavailable' } }));
        return;
      }
      // Refused by content (a program renamed .jpg, a damaged file): not kept, as a refusal in the browser.
      latest.current[slot.key] = undefined;
      setFiles((f) => without(f, slot.key));
      setInspections((i) => without(i, slot.key));
      setErrors((er) => ({ ...er, [slot.key]: { code: 'server', text: refusal } }));
    }
  }, []);

  const pick = useCallback(
    async (slot: SlotLimits, file: File) => {
      setChecking((c) => ({ ...c, [slot.key]: true }));
      forget(slot.key);
      const choice = await checkedChoice(slot, file).catch((): Choice => ({
        checked: { ok: false, problem: { code: 'wrong_type', accept: slot.accept } },
        file,
      }));
      const { checked } = choice;
      if (checked.ok) {
        latest.current[slot.key] = choice.file;
        setFiles((f) => ({
          ...f,
          [slot.key]: { file: choice.file, type: checked.type, ...(choice.scaledFrom ? { scaledFrom: choice.scaledFrom } : {}) },
        }));
        setErrors((e) => without(e, slot.key));
        await inspect(slot, choice.file);
      } else {
        // The refused file is not kept: the slot shows why, and nothing of it is sent.
        setFiles((f) => without(f, slot.key));
        setErrors((e) => ({ ...e, [slot.key]: checked.problem }));
      }
      setChecking((c) => without(c, slot.key));
    },
    [inspect],
  );

  const remove = useCallback((key: string) => {
    forget(key);
    setFiles((f) => without(f, key));
    setErrors((e) => without(e, key));
  }, []);

  return useMemo(
    () => ({
      files,
      errors,
      checking,
      inspections,
      isChecking: Object.keys(checking).length > 0,
      pick,
      remove,
      setErrors,
      reset: () => {
        latest.current = {};
        fingerprints.current = {};
        setFiles({});
        setErrors({});
        setInspections({});
      },
      /** The chosen files of these slots, keyed by slot key, ready for the multipart body. */
      filesOf: (keys: readonly string[]): Files => {
        const out: Files = {};
        for (const key of keys) {
          const picked = files[key];
          if (picked) out[key] = picked.file;
        }
        return out;
      },
    }),
    [files, errors, checking, inspections, pick, remove],
  );
}

export type MaterialFiles = ReturnType<typeof useMaterialFiles>;
