import type { Notification } from '@yuanqu/contracts';
import type { RouteLocationRaw } from 'vue-router';
import { t, type Locale } from '../../i18n';
import { formatDate } from '../../utils/format';
import { periodLabel } from '../statistics/periods';

/** The locale key and parameters that word a message in the reader's language. */
export function notificationMessage(n: Pick<Notification, 'kind' | 'params'>, locale: Locale): { key: string; params: Record<string, string> } {
  const period = typeof n.params.period === 'string' ? periodLabel(n.params.period, locale) : '';
  const year = String(n.params.year ?? '');
  switch (n.kind) {
    case 'reportDue':
      return { key: 'notifications.reportDue', params: { period, dueOn: formatDate(String(n.params.dueOn ?? ''), locale), enterprise: String(n.params.enterpriseName ?? '') } };
    case 'reportReturned':
      return { key: 'notifications.reportReturned', params: { period, reason: String(n.params.reason ?? '') } };
    case 'evaluationPublished':
      return { key: 'notifications.evaluationPublished', params: { year, class: String(n.params.class ?? '') } };
    case 'objectionAnswered':
      return { key: 'notifications.objectionAnswered', params: { year, outcome: t(`evaluationReview.objections.outcomes.${String(n.params.outcome)}`) } };
  }
}

/** Where a message leads: report messages to the enterprise's reporting page on the period, evaluation messages to its results. */
export function notificationTarget(n: Pick<Notification, 'kind' | 'params'>, enterpriseId: string | null): RouteLocationRaw | null {
  if (!enterpriseId) return null;
  if (n.kind === 'evaluationPublished' || n.kind === 'objectionAnswered') return { name: 'enterprise-evaluation', params: { id: enterpriseId } };
  const period = typeof n.params.period === 'string' ? n.params.period : undefined;
  return { name: 'enterprise-statistics', params: { id: enterpriseId }, query: period ? { period } : {} };
}
