import type { Notification } from '@yuanqu/contracts';
import type { RouteLocationRaw } from 'vue-router';
import type { Locale } from '../../i18n';
import { formatDate } from '../../utils/format';
import { periodLabel } from '../statistics/periods';

/** The locale key and parameters that word a message in the reader's language. */
export function notificationMessage(n: Pick<Notification, 'kind' | 'params'>, locale: Locale): { key: string; params: Record<string, string> } {
  const period = typeof n.params.period === 'string' ? periodLabel(n.params.period, locale) : '';
  if (n.kind === 'reportDue') {
    return { key: 'notifications.reportDue', params: { period, dueOn: formatDate(String(n.params.dueOn ?? ''), locale), enterprise: String(n.params.enterpriseName ?? '') } };
  }
  return { key: 'notifications.reportReturned', params: { period, reason: String(n.params.reason ?? '') } };
}

/** Where a message leads: both kinds lead to the enterprise's reporting page, on the period in question. */
export function notificationTarget(n: Pick<Notification, 'params'>, enterpriseId: string | null): RouteLocationRaw | null {
  if (!enterpriseId) return null;
  const period = typeof n.params.period === 'string' ? n.params.period : undefined;
  return { name: 'enterprise-statistics', params: { id: enterpriseId }, query: period ? { period } : {} };
}
