import { ERROR_CODES, LIMITS, type ErrorCode } from '@yuanqu/contracts';
import { currentLocale, t, te } from '../i18n';
import { formatBytes, formatCount, formatDateTime } from '../utils/format';
import { ApiError } from './client';

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** "Head: detail" with the punctuation of the current language. */
function withDetail(head: string, detail: string): string {
  return currentLocale() === 'zh-CN' ? `${head}：${detail}` : `${head}: ${detail}`;
}

/** The password rules a PASSWORD_POLICY answer names, as sentences a user can act on. */
export function passwordReasons(details: unknown): string[] {
  const reasons = (details as { reasons?: unknown } | null)?.reasons;
  if (!Array.isArray(reasons)) return [];
  const known = ['length', 'classes', 'blocklist', 'history', 'username'];
  return reasons.map((reason) =>
    known.includes(String(reason))
      ? t(`passwordReasons.${String(reason)}`, { min: LIMITS.passwordMin, adminMin: LIMITS.passwordMinAdmin })
      : t('passwordReasons.unknown', { reason: String(reason) }),
  );
}

/**
 * The one place an error becomes words for a clerk: API codes map to translated sentences,
 * and anything else (a bug in the page) gets a generic sentence — never a stack trace.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const maxUpload = formatBytes(LIMITS.importBytesMax);
  switch (error.code) {
    case 'NETWORK':
      return t('errors.NETWORK');
    case 'ACCOUNT_LOCKED': {
      const until = (error.details as { lockedUntil?: unknown } | null)?.lockedUntil;
      return typeof until === 'string'
        ? t('errors.ACCOUNT_LOCKED_UNTIL', { until: formatDateTime(until) })
        : t('errors.ACCOUNT_LOCKED');
    }
    case 'PASSWORD_POLICY': {
      const reasons = passwordReasons(error.details);
      const separator = currentLocale() === 'zh-CN' ? '；' : '; ';
      return reasons.length ? withDetail(t('errors.PASSWORD_POLICY'), reasons.join(separator)) : t('errors.PASSWORD_POLICY');
    }
    case 'IMPORT_FILE_REJECTED': {
      const reason = (error.details as { reason?: unknown } | null)?.reason;
      const key = `importRejections.${String(reason)}`;
      return typeof reason === 'string' && te(key)
        ? t('errors.IMPORT_FILE_REJECTED_BECAUSE', { reason: t(key, { max: formatCount(LIMITS.importRowsMax) }) })
        : t('errors.IMPORT_FILE_REJECTED', { max: maxUpload });
    }
    case 'PAYLOAD_TOO_LARGE':
      return t('errors.PAYLOAD_TOO_LARGE', { max: maxUpload });
    case 'INTERNAL':
      return error.requestId ? withDetail(t('errors.INTERNAL'), t('common.requestId', { id: error.requestId })) : t('errors.INTERNAL');
    default:
      return isErrorCode(error.code) ? t(`errors.${error.code}`) : t('errors.unknown');
  }
}
