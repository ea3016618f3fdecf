import { useRef, useState } from 'react';
import type { AppealApi, ChecklistSlot, SubmittedAppeal } from './api';
import type { CatalogKind, CatalogSlot } from './catalog';
import { unfilledRequired } from '../../server/src/catalog/slotRequirement';
import { useI18n } from './i18n';
import { MaterialsPanel } from './parts/MaterialsPanel';

export const statusPageHref = (reference: string) => `/appeal/status?ref=${encodeURIComponent(reference)}`;

// A failed or doubtful file, or a required one still missing (its alternative missing too), can be sent again at once.
function needsAnotherFile(slots: readonly ChecklistSlot[]) {
  const usable = new Set(slots.filter((s) => s.state === 'ok' || s.state === 'warn').map((s) => s.key));
  const unfilled = new Set(unfilledRequired(slots, (key) => usable.has(key)).map((s) => s.key));
  return (slot: ChecklistSlot) => slot.state === 'fail' || slot.state === 'warn' || unfilled.has(slot.key);
}

/** The receipt: the reference, the access token shown this once, and what the checks found. */
export function Done({
  api,
  kind,
  slots,
  result,
}: {
  api: AppealApi;
  kind: CatalogKind;
  slots: readonly CatalogSlot[];
  result: SubmittedAppeal;
}) {
  const { t } = useI18n();
  const [checklist, setChecklist] = useState(result.checklist);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const tokenRef = useRef<HTMLElement>(null);
  const failing = checklist.slots.some((slot) => slot.state === 'fail');

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(result.accessToken);
      setCopy('copied');
    } catch {
      // Without clipboard access the code is selected, ready for the customer's own copy.
      if (tokenRef.current) window.getSelection()?.selectAllChildren(tokenRef.current);
      setCopy('failed');
    }
  }

  return (
    <div className="done">
      <h2 className="step-heading">{t('done.heading')}</h2>
      <dl className="receipt">
        <div>
          <dt>{t('done.reference')}</dt>
          <dd className="reference" data-testid="reference">
            {result.reference}
          </dd>
        </div>
      </dl>
      <div className="token-box">
        <p className="token-label">{t('done.token')}</p>
        <code ref={tokenRef} className="token" data-testid="access-token">
          {result.accessToken}
        </code>
        <p className="token-warning" role="note">
          {t('done.tokenWarning')}
        </p>
        <button type="button" className="button button-primary" onClick={() => void copyToken()}>
          {t('done.copy')}
        </button>
        {copy !== 'idle' && (
          <span className="copy-state" role="status">
            {copy === 'copied' ? t('done.copied') : t('done.copyFailed')}
          </span>
        )}
      </div>
      <p>{t('done.next', { days: kind.slaBusinessDays })}</p>
      <p>
        <a className="button button-secondary" href={statusPageHref(result.reference)}>
          {t('done.statusLink')}
        </a>
      </p>
      {checklist.slots.length > 0 && (
        <section className="done-checklist">
          <h3>{t('done.checklist')}</h3>
          {failing && <p className="banner banner-warn">{t('done.fix')}</p>}
          <MaterialsPanel
            api={api}
            reference={result.reference}
            token={result.accessToken}
            checklist={checklist}
            slotDefs={slots}
            editable={needsAnotherFile(checklist.slots)}
            replaceable
            onUpdated={(view) => setChecklist(view.checklist)}
          />
        </section>
      )}
    </div>
  );
}
