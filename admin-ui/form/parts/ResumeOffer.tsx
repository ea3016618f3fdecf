import { useI18n } from '../i18n';

/** A draft left in this browser: continue it, or delete it and start again. */
export function ResumeOffer({ savedAt, onResume, onStartOver }: { savedAt: number; onResume: () => void; onStartOver: () => void }) {
  const { t, locale } = useI18n();
  const time = new Date(savedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="panel resume-offer" aria-labelledby="resume-heading">
      <h2 id="resume-heading" className="step-heading">
        {t('draft.heading')}
      </h2>
      <p className="intro">{t('draft.found', { time })}</p>
      <div className="step-buttons">
        <button type="button" className="button button-secondary" onClick={onStartOver}>
          {t('draft.startOver')}
        </button>
        <button type="button" className="button button-primary" onClick={onResume}>
          {t('draft.resume')}
        </button>
      </div>
      <p className="hint">{t('draft.startOverNote')}</p>
    </section>
  );
}
