import { useState } from 'react';
import { ApiError, type AppealApi, type InspectionFor, type AppealView, type Checklist, type ChecklistSlot, type SlotState } from '../api';
import type { CatalogSlot } from '../catalog';
import { useI18n } from '../i18n';
import { useMaterialFiles } from './materialFiles';
import { Findings } from './Findings';
import { ProblemBanner } from './ProblemBanner';
import { ProgressBar } from './ProgressBar';
import { UploadBox, type UploadSlot } from './UploadBox';

export function StateBadge({ state }: { state: SlotState }) {
  const { t } = useI18n();
  return <span className={`badge state-${state}`}>{t(`state.${state}`)}</span>;
}

// Slots the catalog no longer lists still take the server's general limits.
const defaultLimits: Pick<CatalogSlot, 'accept' | 'maxBytes'> = {
  accept: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  maxBytes: 10 * 1024 * 1024,
};

interface MaterialsPanelProps {
  api: AppealApi;
  reference: string;
  token: string;
  checklist: Checklist;
  /** The catalog's slots of this appeal, for the accepted types and sizes. */
  slotDefs: readonly CatalogSlot[];
  /** Slots that show an upload box straight away (asked for, failed, missing). */
  editable: (slot: ChecklistSlot) => boolean;
  /** Whether the other slots offer a button that opens an upload box to replace their file. */
  replaceable?: boolean;
  onUpdated: (view: AppealView) => void;
  /** The appeal's kind, so a newly chosen file gets its slot's checks at once. */
  inspectFor?: InspectionFor;
}

/** The checklist of an appeal filed already: each slot's state and findings, and boxes to replace or add files. */
export function MaterialsPanel({
  api,
  reference,
  token,
  checklist,
  slotDefs,
  editable,
  replaceable = false,
  onUpdated,
  inspectFor,
}: MaterialsPanelProps) {
  const { t, text } = useI18n();
  const materials = useMaterialFiles(inspectFor && ((slotKey, file, others) => api.inspectFile(inspectFor, slotKey, file, others)));
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const withBox = (slot: ChecklistSlot) => editable(slot) || opened.has(slot.key);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const editableKeys = checklist.slots.filter(withBox).map((slot) => slot.key);
  const chosen = materials.filesOf(editableKeys);
  const sending = progress !== null;

  async function send() {
    setSent(false);
    setProblem(null);
    setProgress(0);
    try {
      const view = await api.addEvidence(reference, token, chosen, setProgress);
      materials.reset();
      setOpened(new Set());
      setSent(true);
      onUpdated(view);
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiError) {
        const slotErrors = Object.entries(e.errors).filter(([key]) => editableKeys.includes(key));
        if (slotErrors.length > 0) {
          materials.setErrors((current) => ({
            ...current,
            ...Object.fromEntries(slotErrors.map(([key, value]) => [key, { code: 'server' as const, text: value }])),
          }));
        }
      }
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="materials-panel">
      <p className={`checklist-summary ${checklist.complete ? 'is-complete' : 'is-incomplete'}`}>
        {checklist.complete ? t('checklist.complete') : t('checklist.incomplete')}
      </p>
      <div className="slots">
        {checklist.slots.map((slot) => {
          const badges = (
            <>
              <StateBadge state={slot.state} />
              {slot.requested && <span className="badge badge-requested">{t('upload.requested')}</span>}
            </>
          );
          if (!withBox(slot)) {
            return (
              <section
                key={slot.key}
                className={`slot slot-readonly${slot.requested ? ' is-highlighted' : ''}`}
                aria-label={text(slot.label)}
              >
                <div className="slot-head">
                  <span className="slot-title">{text(slot.label)}</span>
                  {badges}
                </div>
                <Findings findings={slot.findings} />
                {replaceable && (
                  <button
                    type="button"
                    className="button button-quiet button-small slot-open"
                    onClick={() => setOpened((current) => new Set(current).add(slot.key))}
                  >
                    {slot.state === 'missing' ? t('upload.choose') : t('upload.replace')}
                  </button>
                )}
              </section>
            );
          }
          const def = slotDefs.find((d) => d.key === slot.key) ?? defaultLimits;
          const uploadSlot: UploadSlot = {
            key: slot.key,
            label: slot.label,
            hint: slot.hint,
            required: slot.required,
            accept: def.accept,
            maxBytes: def.maxBytes,
          };
          return (
            <UploadBox
              key={slot.key}
              slot={uploadSlot}
              picked={materials.files[slot.key]}
              error={materials.errors[slot.key]}
              checking={materials.checking[slot.key]}
              disabled={sending}
              highlighted={slot.requested}
              badges={badges}
              onPick={(file) => {
                setSent(false);
                void materials.pick(uploadSlot, file);
              }}
              onRemove={() => materials.remove(slot.key)}
              inspection={materials.inspections[slot.key]}
            >
              <Findings findings={slot.findings} />
            </UploadBox>
          );
        })}
      </div>
      {sent && (
        <p className="banner banner-ok panel-sent" role="status">
          {t('replace.sent')}
        </p>
      )}
      {editableKeys.length > 0 && (
        <div className="panel-actions">
          {problem !== null && <ProblemBanner error={problem} />}
          {progress !== null && <ProgressBar fraction={progress} />}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void send()}
            disabled={sending || materials.isChecking || Object.keys(chosen).length === 0}
          >
            {t('replace.send')}
          </button>
        </div>
      )}
    </div>
  );
}
