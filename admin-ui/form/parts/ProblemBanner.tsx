import { problemOf } from '../api';
import { useI18n } from '../i18n';

/** The top of a failed request: our sentence for its code in the page's language (refused files say more on their slot). */
export function ProblemBanner({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { key, params } = problemOf(error);
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{t(key, params)}</p>
    </div>
  );
}
