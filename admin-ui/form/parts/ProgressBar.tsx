import { useI18n } from '../i18n';

/** Upload progress of a multipart request; at 100 % the server is still inspecting the files. */
export function ProgressBar({ fraction }: { fraction: number }) {
  const { t } = useI18n();
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  const text = percent < 100 ? t('submit.uploading', { percent }) : t('submit.checking');
  return (
    <div className="progress-wrap">
      <div
        className="progress"
        role="progressbar"
        aria-label={t('submit.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
