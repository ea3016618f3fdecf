import { useCallback, useMemo, useState } from 'react';
import type { Files } from '../api';
import type { AcceptedType, CatalogSlot } from '../catalog';
import { checkFile, formatBytes, type FileProblem } from '../fileCheck';
import type { I18n } from '../i18n';

export interface PickedFile {
  file: File;
  /** The type its first bytes showed. */
  type: AcceptedType;
}

/** Why a slot cannot go as it is: refused before upload, refused by the server, or still empty. */
export type SlotError = FileProblem | { code: 'server'; text: string } | { code: 'missing' };

export type SlotLimits = Pick<CatalogSlot, 'key' | 'accept' | 'maxBytes'>;

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

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

/** The files chosen for material slots, each checked before it is kept, with each slot's error. */
export function useMaterialFiles() {
  const [files, setFiles] = useState<Record<string, PickedFile>>({});
  const [errors, setErrors] = useState<Record<string, SlotError>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});

  const pick = useCallback(async (slot: SlotLimits, file: File) => {
    setChecking((c) => ({ ...c, [slot.key]: true }));
    const checked = await checkFile(file, slot).catch((): Awaited<ReturnType<typeof checkFile>> => ({
      ok: false,
      problem: { code: 'wrong_type', accept: slot.accept },
    }));
    setChecking((c) => without(c, slot.key));
    if (checked.ok) {
      setFiles((f) => ({ ...f, [slot.key]: { file, type: checked.type } }));
      setErrors((e) => without(e, slot.key));
    } else {
      // The refused file is not kept: the slot shows why, and nothing of it is sent.
      setFiles((f) => without(f, slot.key));
      setErrors((e) => ({ ...e, [slot.key]: checked.problem }));
    }
  }, []);

  const remove = useCallback((key: string) => {
    setFiles((f) => without(f, key));
    setErrors((e) => without(e, key));
  }, []);

  return useMemo(
    () => ({
      files,
      errors,
      checking,
      isChecking: Object.keys(checking).length > 0,
      pick,
      remove,
      setErrors,
      reset: () => {
        setFiles({});
        setErrors({});
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
    [files, errors, checking, pick, remove],
  );
}

export type MaterialFiles = ReturnType<typeof useMaterialFiles>;
