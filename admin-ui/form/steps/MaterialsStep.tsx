import type { CatalogSlot, Localized } from '../catalog';
import { useI18n } from '../i18n';
import type { MaterialFiles } from '../parts/materialFiles';
import { HandheldSample } from '../parts/HandheldSample';
import { UploadBox } from '../parts/UploadBox';

interface MaterialsStepProps {
  slots: readonly CatalogSlot[];
  materials: MaterialFiles;
  disabled?: boolean;
  /** The catalog's word on these materials, such as the hand-held photo that stands in for a face check. */
  note?: Localized | '' | undefined;
}

/** Step 4: one upload box per material slot; each file is checked when chosen, by the submission's own checks. */
export function MaterialsStep({ slots, materials, disabled, note }: MaterialsStepProps) {
  const { t, text } = useI18n();
  return (
    <div className="step-body">
      <h2 className="step-heading" tabIndex={-1}>
        {t('materials.heading')}
      </h2>
      <p className="intro">{slots.length > 0 ? t('materials.intro') : t('materials.none')}</p>
      {note && (
        <>
          <p className="note materials-note" role="note">
            {text(note)}
          </p>
          {/* The catalog's note is where a hand-held ID photo stands in for a face check: show what a good one looks like. */}
          <HandheldSample />
        </>
      )}
      <div className="slots">
        {slots.map((slot) => (
          <UploadBox
            key={slot.key}
            slot={slot}
            picked={materials.files[slot.key]}
            error={materials.errors[slot.key]}
            checking={materials.checking[slot.key]}
            inspection={materials.inspections[slot.key]}
            disabled={disabled}
            onPick={(file) => void materials.pick(slot, file)}
            onRemove={() => materials.remove(slot.key)}
          />
        ))}
      </div>
    </div>
  );
}
