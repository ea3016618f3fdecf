// The draft's life in the page: saved as the customer goes, one history entry per step, a warning before losing input.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { DraftStore, SavedForm } from './savedDraft';

export type SaveState = 'idle' | 'saved' | 'failed';

interface Saving {
  /** False once the appeal is filed: nothing more is saved, and leaving asks nothing. */
  active: boolean;
  /** Nothing entered yet: nothing to save, nothing to lose. */
  blank: boolean;
  form: Omit<SavedForm, 'version' | 'savedAt'>;
  files: Record<string, File>;
  /** Changes whenever the chosen files do. */
  filesVersion: unknown;
}

/** Saves the answers and the files whenever they change; asks before the page is left while a save is unfinished or failed. */
export function useDraftSaving(
  store: DraftStore,
  { active, blank, form, files, filesVersion }: Saving,
): { state: SaveState; saving: boolean } {
  const [state, setState] = useState<SaveState>('idle');
  const [pending, setPending] = useState(0);
  const failed = useRef(false);
  const savedOnce = useRef(false);
  const formJson = JSON.stringify(form);
  const lastForm = useRef(formJson);
  const lastFiles = useRef(filesVersion);
  const unsaved = useRef(false);
  unsaved.current = active && !blank && (pending > 0 || failed.current);

  const track = useCallback((saving: Promise<void>) => {
    savedOnce.current = true;
    setPending((n) => n + 1);
    saving
      .then(
        () => (failed.current = false),
        () => (failed.current = true),
      )
      .finally(() => {
        setPending((n) => n - 1);
        setState(failed.current ? 'failed' : 'saved');
      });
  }, []);

  useEffect(() => {
    if (!active || formJson === lastForm.current || (blank && !savedOnce.current)) return;
    lastForm.current = formJson;
    track(store.saveForm({ version: 1, savedAt: Date.now(), ...(JSON.parse(formJson) as typeof form) }));
    // formJson stands for form.
  }, [formJson, active, blank, store, track]);

  useEffect(() => {
    if (!active || filesVersion === lastFiles.current || (blank && !savedOnce.current)) return;
    lastFiles.current = filesVersion;
    track(store.saveFiles(files));
    // filesVersion stands for files.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filesVersion, active, blank, store, track]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { state, saving: pending > 0 };
}

/** Tells the customer the draft is kept here, or that it cannot be. */
export function DraftSaveStatus({ state, saving }: { state: SaveState; saving: boolean }) {
  const { t } = useI18n();
  if (state === 'idle') return null;
  return (
    <p className={`draft-status${state === 'failed' ? ' is-failed' : ''}`} data-saving={String(saving)}>
      {t(state === 'failed' ? 'draft.notSaved' : 'draft.saved')}
    </p>
  );
}

const stepIn = (state: unknown): number | undefined => {
  const step = (state as { appealStep?: unknown } | null)?.appealStep;
  return typeof step === 'number' && Number.isInteger(step) && step >= 0 ? step : undefined;
};

interface History {
  /** The step the form opens on. */
  initial: number;
  active: boolean;
  /** Back or Forward asked for `wanted`; the form answers with the step it allows. */
  onStep: (wanted: number) => number;
}

/** One browser history entry per step, so the Back button goes one step back instead of leaving the form. */
export function useDraftHistory({ initial, active, onStep }: History): { push: (step: number) => void } {
  const latest = useRef(onStep);
  latest.current = onStep;
  const activeRef = useRef(active);
  activeRef.current = active;
  const started = useRef(false);

  useEffect(() => {
    if (!started.current) {
      started.current = true;
      const replace = (step: number) => window.history.replaceState({ ...(window.history.state as object | null), appealStep: step }, '');
      // A draft resumed in a new tab gets the entries of the steps before it; after a reload the tab still has them.
      if (initial > 0 && stepIn(window.history.state) === undefined) {
        replace(0);
        for (let step = 1; step <= initial; step++) window.history.pushState({ appealStep: step }, '');
      } else replace(initial);
    }
    const onPop = (event: PopStateEvent) => {
      const wanted = stepIn(event.state);
      if (!activeRef.current || wanted === undefined) return;
      const allowed = latest.current(wanted);
      if (allowed !== wanted) window.history.replaceState({ ...(event.state as object), appealStep: allowed }, '');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // Set up once: `initial` is where the form opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { push: useCallback((step: number) => window.history.pushState({ appealStep: step }, ''), []) };
}
