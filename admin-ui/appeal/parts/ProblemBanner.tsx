import { ApiError } from '../api';
import { useI18n, type MessageKey } from '../i18n';

const headlines: Record<string, MessageKey> = {
  INVALID_INPUT: 'problem.INVALID_INPUT',
  UNSUPPORTED_TYPE: 'problem.UNSUPPORTED_TYPE',
  FILE_TOO_LARGE: 'problem.FILE_TOO_LARGE',
  IMAGE_TOO_LARGE: 'problem.IMAGE_TOO_LARGE',
  CORRUPT_FILE: 'problem.CORRUPT_FILE',
  RATE_LIMITED: 'problem.RATE_LIMITED',
  NETWORK: 'problem.NETWORK',
  NOT_FOUND: 'problem.NOT_FOUND',
  APPEAL_CLOSED: 'problem.APPEAL_CLOSED',
  APPEAL_DECIDED: 'problem.APPEAL_DECIDED',
  OWNER_CODE_REQUIRED: 'problem.OWNER_CODE_REQUIRED',
  OWNER_PROOF_INVALID: 'problem.OWNER_PROOF_INVALID',
  LINK_INVALID: 'problem.LINK_INVALID',
};

/**
 * Codes our sentence says all of: the server's English message ("Network error", "Appeal not found") is not shown
 * under it. A refused file's message stays, as it names the file; the slot itself says why in the page's language.
 */
const fullySaid = new Set(['NETWORK', 'NOT_FOUND', 'APPEAL_CLOSED', 'APPEAL_DECIDED', 'RATE_LIMITED', 'INVALID_INPUT', 'OWNER_CODE_REQUIRED', 'OWNER_PROOF_INVALID', 'LINK_INVALID']);

/** The top of a failed request: our sentence for its code, then the server's own message. */
export function ProblemBanner({ error }: { error: unknown }) {
  const { t } = useI18n();
  const apiError = error instanceof ApiError ? error : undefined;
  const key = (apiError && headlines[apiError.code]) ?? (apiError?.status === 400 ? 'problem.INVALID_INPUT' : 'problem.other');
  const minutes = Math.max(1, Math.ceil((apiError?.retryAfterSeconds ?? 60) / 60));
  const detail = apiError ? (fullySaid.has(apiError.code) ? '' : apiError.message) : error instanceof Error ? error.message : '';
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">{t(key, { minutes })}</p>
      {detail && <p className="banner-detail">{t('problem.detail', { message: detail })}</p>}
    </div>
  );
}
