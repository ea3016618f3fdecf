import { useI18n } from '../i18n';

/** A drawing, not a photo: a person holding a blank card beside the face, with what to do and what not to. */
export function HandheldSample() {
  const { t } = useI18n();
  return (
    <figure className="handheld-sample">
      <svg viewBox="0 0 160 120" width="160" height="120" role="img" aria-label={t('sample.alt')}>
        <rect width="160" height="120" rx="8" fill="#eef3fb" />
        <path d="M22 120c0-26 16-40 40-40s40 14 40 40z" fill="#7d93b8" />
        <circle cx="62" cy="50" r="22" fill="#f2c9a5" />
        <path d="M40 46c0-16 10-24 22-24s22 8 22 24c-6-8-14-11-22-11s-16 3-22 11z" fill="#3b3b4f" />
        <circle cx="54" cy="52" r="2" fill="#333" />
        <circle cx="70" cy="52" r="2" fill="#333" />
        <path d="M55 62q7 5 14 0" stroke="#333" strokeWidth="2" fill="none" strokeLinecap="round" />
        <path d="M104 120l6-36" stroke="#f2c9a5" strokeWidth="10" strokeLinecap="round" />
        <g transform="rotate(-4 124 62)">
          <rect x="96" y="40" width="56" height="36" rx="4" fill="#fff" stroke="#4a6fa5" strokeWidth="2" />
          <rect x="102" y="47" width="14" height="18" rx="2" fill="#c9d6ea" />
          <path d="M121 49h25M121 56h25M121 63h18M102 70h44" stroke="#9aaccc" strokeWidth="3" strokeLinecap="round" />
        </g>
        <circle cx="108" cy="80" r="6" fill="#f2c9a5" />
      </svg>
      <figcaption>
        <p className="sample-do">
          <strong>✓ {t('sample.do')}</strong> {t('sample.doText')}
        </p>
        <p className="sample-dont">
          <strong>✗ {t('sample.dont')}</strong> {t('sample.dontText')}
        </p>
      </figcaption>
    </figure>
  );
}
