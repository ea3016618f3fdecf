import { useEffect, useState, type ReactNode } from 'react';
import type { Localized } from '../catalog';
import { formatBytes } from '../fileCheck';
import { useI18n } from '../i18n';
import { Findings } from './Findings';
import { acceptedTypes, slotErrorText, type PickedFile, type SlotError, type SlotInspection, type SlotLimits } from './materialFiles';

export interface UploadSlot extends SlotLimits {
  label: Localized;
  hint: Localized;
  required: boolean;
}

interface UploadBoxProps {
  slot: UploadSlot;
  picked?: PickedFile;
  error?: SlotError;
  checking?: boolean;
  /** What the server's checks said of the chosen file, before the customer goes on. */
  inspection?: SlotInspection;
  disabled?: boolean;
  onPick: (file: File) => void;
  onRemove: () => void;
  /** Badges beside the title (the state of the file on record, "asked for by the desk"). */
  badges?: ReactNode;
  /** What is known about the file on record (findings), shown under the hint. */
  children?: ReactNode;
  highlighted?: boolean;
}

/** A preview of an image the customer chose; object URLs are released when the file changes. */
function useObjectUrl(picked: PickedFile | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!picked || picked.type === 'application/pdf' || typeof URL.createObjectURL !== 'function') return undefined;
    const objectUrl = URL.createObjectURL(picked.file);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [picked]);
  return url;
}

function PdfIcon({ label }: { label: string }) {
  return (
    <svg className="pdf-icon" viewBox="0 0 48 60" role="img" aria-label={label}>
      <path d="M4 2h28l12 12v42a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z" fill="#fff" stroke="#c62828" strokeWidth="3" />
      <path d="M32 2v12h12" fill="none" stroke="#c62828" strokeWidth="3" />
      <rect x="6" y="34" width="36" height="14" rx="2" fill="#c62828" />
      <text x="24" y="45" textAnchor="middle" fontSize="11" fontWeight="700" fill="#fff" fontFamily="sans-serif">
        PDF
      </text>
    </svg>
  );
}

function EmptyIcon() {
  return (
    <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
      <rect x="4" y="10" width="40" height="30" rx="4" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="24" cy="25" r="8" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M16 10l3-5h10l3 5" fill="none" stroke="currentColor" strokeWidth="3" />
    </svg>
  );
}

/** One material slot: its label, hint and limits, a preview of the chosen file, and why it was refused. */
/** The server's findings on the chosen file: a failed one is announced at once, with how to put it right. */
function InspectionResult({ id, inspection }: { id: string; inspection: SlotInspection | undefined }) {
  const { t } = useI18n();
  if (!inspection || inspection.state === 'checking') return null;
  if (inspection.state === 'unavailable') {
    return (
      <p className="inspection inspection-unavailable" id={id} role="status">
        {t('upload.uncheckable')}
      </p>
    );
  }
  const { state, findings } = inspection.result;
  const problems = findings.filter((f) => f.severity !== 'pass');
  return (
    <div className={`inspection inspection-${state}`} id={id} role={state === 'fail' ? 'alert' : 'status'}>
      <p className="inspection-title">
        {t(state === 'fail' ? 'upload.inspectionFail' : state === 'warn' ? 'upload.inspectionWarn' : 'upload.inspectionPass')}
      </p>
      <Findings findings={problems} />
    </div>
  );
}

export function UploadBox({
  slot,
  picked,
  error,
  checking,
  inspection,
  disabled,
  onPick,
  onRemove,
  badges,
  children,
  highlighted,
}: UploadBoxProps) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const preview = useObjectUrl(picked);
  const id = `slot-${slot.key}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const inspectionId = `${id}-inspection`;
  const describedBy = [hintId, error ? errorId : '', inspection?.state === 'done' ? inspectionId : ''].filter(Boolean).join(' ');
  const failed = inspection?.state === 'done' && inspection.result.state === 'fail';

  return (
    <section
      className={`slot${error || failed ? ' has-error' : ''}${highlighted ? ' is-highlighted' : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="slot-head">
        <label className="slot-title" id={`${id}-title`} htmlFor={id}>
          {text(slot.label)}
        </label>
        {slot.required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
        {badges}
      </div>
      <p className="hint" id={hintId}>
        {text(slot.hint)}
        <span className="limits">{t('upload.limits', { types: acceptedTypes(i18n, slot.accept), size: formatBytes(slot.maxBytes) })}</span>
      </p>
      {children}
      <div className="slot-body">
        <div className="thumb">
          {picked && picked.type === 'application/pdf' ? (
            <PdfIcon label={t('upload.pdfIcon')} />
          ) : preview ? (
            <img src={preview} alt={picked?.file.name ?? ''} />
          ) : (
            <EmptyIcon />
          )}
        </div>
        <div className="slot-actions">
          <p className="file-name">{picked ? `${picked.file.name} · ${formatBytes(picked.file.size)}` : t('upload.noFile')}</p>
          {picked?.scaledFrom && (
            <p className="scaled">{t('upload.scaled', { from: formatBytes(picked.scaledFrom), to: formatBytes(picked.file.size) })}</p>
          )}
          <input
            className="file-input"
            type="file"
            id={id}
            name={slot.key}
            accept={slot.accept.join(',')}
            disabled={disabled}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so choosing the same file again after a refusal still fires a change.
              e.target.value = '';
              if (file) onPick(file);
            }}
          />
          <div className="slot-buttons">
            <label htmlFor={id} className={`button button-secondary${disabled ? ' is-disabled' : ''}`}>
              {picked ? t('upload.replace') : t('upload.choose')}
            </label>
            {picked && (
              <button type="button" className="button button-quiet" onClick={onRemove} disabled={disabled}>
                {t('upload.remove')}
              </button>
            )}
          </div>
          {checking && (
            <p className="checking" role="status">
              {t('upload.checking')}
            </p>
          )}
        </div>
      </div>
      {picked && <InspectionResult id={inspectionId} inspection={inspection} />}
      {error && (
        <p className="error" id={errorId} role="alert">
          {slotErrorText(i18n, error)}
        </p>
      )}
    </section>
  );
}
