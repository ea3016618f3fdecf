import type { Finding } from '../api';
import { useI18n } from '../i18n';

const severityRank = { fail: 0, warn: 1, pass: 2 } as const;
const icons = { fail: '✗', warn: '!', pass: '✓' } as const;

/** What the checks found about one file, the worst first, in the current language. */
export function Findings({ findings }: { findings: readonly Finding[] }) {
  const { text } = useI18n();
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return (
    <ul className="findings">
      {sorted.map((finding, i) => (
        <li key={`${finding.code}-${i}`} className={`finding finding-${finding.severity}`}>
          <span className="finding-icon" aria-hidden="true">
            {icons[finding.severity]}
          </span>
          <span>{text(finding.message)}</span>
        </li>
      ))}
    </ul>
  );
}
