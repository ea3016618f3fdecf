// Picking up a draft saved on an earlier visit: whether there is one to offer, and its files chosen again.
import { useEffect, useState } from 'react';
import type { Catalog } from '../catalog';
import { selectionOf } from '../draft';
import type { MaterialFiles } from '../parts/materialFiles';
import { loadFresh, type DraftStore, type SavedDraft } from '../parts/savedDraft';

interface DraftOffer {
  /** undefined while the saved draft is looked for; null once there is none or the customer has decided. */
  offer: SavedDraft | null | undefined;
  /** The draft the customer chose to go on with. */
  resumed: SavedDraft | null;
  resume: () => void;
  startOver: () => void;
}

/** Looks for a saved draft once, and holds the customer's answer to the offer to go on with it. */
export function useSavedDraftOffer(store: DraftStore): DraftOffer {
  const [offer, setOffer] = useState<SavedDraft | null | undefined>(undefined);
  const [resumed, setResumed] = useState<SavedDraft | null>(null);
  useEffect(() => {
    let current = true;
    void loadFresh(store, Date.now()).then((saved) => current && setOffer(saved ?? null));
    return () => {
      current = false;
    };
  }, [store]);
  return {
    offer,
    resumed,
    resume: () => {
      if (!offer) return;
      setResumed(offer);
      setOffer(null);
    },
    startOver: () => {
      void store.clear().catch(() => undefined);
      setOffer(null);
    },
  };
}

/** The chosen files come back from the draft through the same checks as a new choice. */
export function useRestoredFiles(catalog: Catalog, resumed: SavedDraft | null, materials: MaterialFiles): void {
  useEffect(() => {
    if (!resumed) return;
    const restorable = selectionOf(catalog, resumed.form.draft).slots;
    for (const slot of restorable) {
      const file = resumed.files[slot.key];
      if (file) void materials.pick(slot, file);
    }
    // Once, for the draft the form started from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
