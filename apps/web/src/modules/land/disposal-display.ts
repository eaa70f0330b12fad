import { DISPOSAL_TRANSITIONS, type DisposalKind, type DisposalState, type DisposalSummary, type EfficiencyFigure } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import type { Locale } from '../../i18n';
import { formatDate, formatMonth } from '../../utils/format';
import type { Translate } from '../../utils/zod-errors';
import { formatNumber } from '../statistics/figure-units';

type TagType = 'info' | 'warning' | 'primary' | 'success' | 'danger';

export const KIND_TAG: Record<DisposalKind, TagType> = {
  replacement: 'primary',
  merger: 'success',
  rectification: 'warning',
  upgrade: 'success',
  negotiatedRecovery: 'danger',
};

export const STATE_TAG: Record<DisposalState, TagType> = { draft: 'info', inProgress: 'primary', completed: 'success', terminated: 'warning' };

/** Milestones done as a whole percentage for the progress bar; a case without milestones shows 0 (100 once completed). */
export function progressPercent(c: Pick<DisposalSummary, 'progress' | 'state'>): number {
  if (c.progress.total === 0) return c.state === 'completed' ? 100 : 0;
  return Math.floor((c.progress.done / c.progress.total) * 100);
}

/** The bar's colour: green once completed, red while anything is overdue, the default blue otherwise (the text stays "done/total"). */
export function progressColor(c: Pick<DisposalSummary, 'state' | 'overdue' | 'overdueMilestones'>): string {
  if (c.state === 'completed') return 'var(--el-color-success)';
  return c.overdue || c.overdueMilestones > 0 ? 'var(--el-color-danger)' : 'var(--el-color-primary)';
}

/** The moves a case in `state` can make, in the order the buttons show them. */
export function nextStates(state: DisposalState): readonly DisposalState[] {
  return DISPOSAL_TRANSITIONS[state];
}

/** When the case ran: from its start month to its completion month, or open-ended. */
export function periodText(c: Pick<DisposalSummary, 'startOn' | 'completedOn'>, t: Translate, locale: Locale): string {
  if (!c.startOn) return t('disposal.notStarted');
  const from = formatMonth(c.startOn, locale);
  return c.completedOn ? t('disposal.periodRange', { from, to: formatMonth(c.completedOn, locale) }) : t('disposal.periodOpen', { from });
}

/** "2024年亩均税收 2.10 万元/亩（对照值 9.50 万元/亩）". */
export function figureText(f: EfficiencyFigure | null, t: Translate): string {
  if (!f) return t('common.empty');
  const text = t('disposal.figureValue', { year: f.year, indicator: t(`efficiencyIndicators.${f.indicator}`), value: formatNumber(f.value, 2) });
  return f.benchmark === null ? text : t('disposal.figureBenchmark', { text, benchmark: formatNumber(f.benchmark, 2) });
}

/** "2026年3月2日（tudi）" for a ticked milestone, a dash for an open one. */
export function doneText(m: { doneOn: string | null; doneBy: string | null }, t: Translate, locale: Locale): string {
  if (!m.doneOn) return t('common.empty');
  const date = formatDate(m.doneOn, locale);
  return m.doneBy ? t('disposal.doneBy', { date, actor: m.doneBy }) : date;
}

const PROBLEMS = ['closed', 'transition', 'dateInFuture', 'dateBeforeLast', 'openMilestones', 'noteRequired', 'recoverNotAllowed', 'incomingNotAllowed', 'deadlineBeforeStart'];

/** The locale key of a refusal the API explains by `details.reason`, or null for any other failure. */
export function disposalProblem(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null;
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && PROBLEMS.includes(reason) ? `disposal.problems.${reason}` : null;
}
