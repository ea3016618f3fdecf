// What each step needs before the customer may go past it.
import { unfilledRequired } from '../../../server/src/catalog/slotRequirement';
import { choiceErrors, fieldErrors, ownerErrors, type Draft, type Errors, type Selection } from '../draft';
import type { MaterialFiles } from '../parts/materialFiles';

interface StepChecks {
  /** The errors that keep the customer on step `at`; missing files are markMissingSlots' part. */
  errorsOfStep: (at: number) => Errors;
  /** The furthest step from `from` towards `to` that the customer may stand on: every step before it valid. */
  validUpTo: (from: number, to: number) => number;
  /** Required slots without a file are marked; true when there were any. */
  markMissingSlots: () => boolean;
}

/** The checks of the answers and files as they are now. */
export function stepChecks(selection: Selection, draft: Draft, materials: MaterialFiles): StepChecks {
  const { kind, fields, slots } = selection;
  const missingSlots = () => unfilledRequired(slots, (key) => Boolean(materials.files[key]));

  const errorsOfStep = (at: number): Errors => {
    if (at === 0) return kind ? {} : { kind: 'choose' };
    if (at === 1) return choiceErrors(kind, draft);
    if (at === 2) return { ...fieldErrors(fields, draft), ...ownerErrors(selection, draft, Date.now()) };
    return {};
  };

  return {
    errorsOfStep,
    validUpTo: (from, to) => {
      for (let at = from; at < to; at++) {
        if (Object.keys(errorsOfStep(at)).length > 0) return at;
        if (at === 3 && missingSlots().length > 0) return at;
      }
      return to;
    },
    markMissingSlots: () => {
      const missing = missingSlots();
      if (missing.length === 0) return false;
      materials.setErrors((current) => ({
        ...current,
        ...Object.fromEntries(missing.filter((slot) => !current[slot.key]).map((slot) => [slot.key, { code: 'missing' as const }])),
      }));
      return true;
    },
  };
}
