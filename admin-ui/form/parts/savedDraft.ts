// Where an unsubmitted appeal is kept between visits: its answers and its chosen files, in this browser only.
import { createContext, useContext } from 'react';
import type { Draft } from '../draft';

/** What survives a reload or a closed tab: the answers the submission needs and where the customer was. */
export interface SavedForm {
  version: 1;
  savedAt: number;
  step: number;
  /** The furthest step the customer reached with everything before it valid. */
  reached: number;
  /** Without the owner proof: a credential that lasts minutes has no place in storage kept for days. */
  draft: Omit<Draft, 'owner'>;
}

export interface SavedDraft {
  form: SavedForm;
  files: Record<string, File>;
}

/** The form's only way to its saved draft; the page uses IndexedDB, tests an in-memory store. */
export interface DraftStore {
  load(): Promise<SavedDraft | undefined>;
  saveForm(form: SavedForm): Promise<void>;
  saveFiles(files: Record<string, File>): Promise<void>;
  clear(): Promise<void>;
}

/** A draft left longer than this is deleted rather than offered. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const isExpired = (form: SavedForm, now: number): boolean => form.version !== 1 || now - form.savedAt > DRAFT_TTL_MS;

/** Loads a draft, deleting it instead when it has expired. */
export async function loadFresh(store: DraftStore, now: number): Promise<SavedDraft | undefined> {
  const saved = await store.load().catch(() => undefined);
  if (!saved) return undefined;
  if (isExpired(saved.form, now)) {
    await store.clear().catch(() => undefined);
    return undefined;
  }
  return saved;
}

export function memoryDraftStore(): DraftStore {
  let form: SavedForm | undefined;
  let files: Record<string, File> = {};
  return {
    load: async () => (form ? { form: structuredClone(form), files: { ...files } } : undefined),
    saveForm: async (next) => {
      form = structuredClone(next);
    },
    saveFiles: async (next) => {
      files = { ...next };
    },
    clear: async () => {
      form = undefined;
      files = {};
    },
  };
}

const storeName = 'draft';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** One database with one object store: 'form' holds the answers, 'files' the File objects (kept as blobs). */
export function indexedDbDraftStore(name = 'appeal-draft'): DraftStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('no IndexedDB'));
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(storeName);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return opened;
  };
  const write = async (apply: (store: IDBObjectStore) => void) => {
    const tx = (await database()).transaction(storeName, 'readwrite');
    apply(tx.objectStore(storeName));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  };
  return {
    async load() {
      const store = (await database()).transaction(storeName).objectStore(storeName);
      const [form, files] = await Promise.all([request(store.get('form')), request(store.get('files'))]);
      return form ? { form: form as SavedForm, files: (files as Record<string, File> | undefined) ?? {} } : undefined;
    },
    saveForm: (form) => write((store) => store.put(form, 'form')),
    saveFiles: (files) => write((store) => store.put(files, 'files')),
    clear: () => write((store) => store.clear()),
  };
}

export const DraftStoreContext = createContext<DraftStore>(indexedDbDraftStore());

export const useDraftStore = (): DraftStore => useContext(DraftStoreContext);
