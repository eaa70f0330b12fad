import type { TargetEvaluation, TargetInput, TargetUnit, Verdict } from '@yuanqu/contracts';
import { moveDecimalPoint, shiftNumber } from '../../utils/decimal';
import type { Translate } from '../../utils/zod-errors';
import { formatNumber } from '../statistics/figure-units';
import { joinUnit } from '../statistics/figure-text';

/** How a target's values are shown: amounts in 亿元, fractions as %, areas in 万㎡, per-mu figures in 万元/亩. */
const DISPLAY: Record<TargetUnit, { places: number; decimals: number }> = {
  yuan: { places: 8, decimals: 2 },
  percent: { places: -2, decimals: 1 },
  count: { places: 0, decimals: 0 },
  sqm: { places: 4, decimals: 2 },
  yuanPerMu: { places: 4, decimals: 2 },
};

/** The number of a target value in its display unit, for charts: 6_435_000_000 元 → 64.35. */
export function targetNumber(value: number, unit: TargetUnit): number {
  const { places, decimals } = DISPLAY[unit];
  return Number((value / 10 ** places).toFixed(decimals));
}

/** A target value with its unit: 100.00亿元, 35.0%, 5家. */
export function formatTargetValue(value: number | null, unit: TargetUnit, t: Translate, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const { places, decimals } = DISPLAY[unit];
  return joinUnit(formatNumber(value / 10 ** places, decimals), t(`targetUnits.${unit}`), locale);
}

/** A stored target value as the text of its form field, exactly: 0.35 → "35" (%), 1e10 元 → "100" (亿元). */
export function targetEntryText(value: number | null, unit: TargetUnit): string {
  return value === null ? '' : shiftNumber(value, DISPLAY[unit].places);
}

/** A form entry in the display unit → the stored value (null when it is not a number). */
export function parseTargetEntry(text: string, unit: TargetUnit): number | null {
  const stored = moveDecimalPoint(text.trim(), DISPLAY[unit].places);
  return stored === null ? null : Number(stored);
}

/** The goal in words: "2025年 100.00亿元", or "2025年较2022年明显提升" for a trend indicator. */
export function goalText(target: TargetEvaluation, t: Translate, locale: string): string {
  if (target.trendOnly) return t('targets.goalTrend', { year: target.targetYear, baseline: target.baselineYear });
  return t('targets.goalValue', { year: target.targetYear, value: formatTargetValue(target.targetValue, target.unit, t, locale) });
}

/**
 * Why the verdict is what it is, in the numbers it was judged on: the baseline, where the path to
 * the goal should stand this year, where it stands, and where the current pace leads.
 */
export function verdictReason(target: TargetEvaluation, t: Translate, locale: string): string {
  const text = reasonParts(target, t, locale).join(locale === 'zh-CN' ? '；' : '; ');
  return locale === 'zh-CN' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function reasonParts(target: TargetEvaluation, t: Translate, locale: string): string[] {
  const value = (v: number | null) => formatTargetValue(v, target.unit, t, locale);
  const year = target.asOfYear;
  if (target.metric === 'external') return [t('targets.reasons.external')];
  if (target.current === null) return [t('targets.reasons.noData', { year })];
  const parts: string[] = [];
  if (target.baseline !== null && target.baselineYear < year) parts.push(t('targets.reasons.baseline', { year: target.baselineYear, value: value(target.baseline) }));
  if (target.trendOnly) {
    parts.push(t('targets.reasons.current', { year, value: value(target.current) }));
    if (target.verdict !== 'noData') parts.push(t(target.verdict === 'onTrack' ? 'targets.reasons.trendUp' : 'targets.reasons.trendDown'));
  } else if (target.verdict === 'reached' || target.verdict === 'missed') {
    parts.push(t('targets.reasons.current', { year, value: value(target.current) }));
    parts.push(t(`targets.reasons.${target.verdict}`, { value: value(target.targetValue) }));
  } else {
    if (target.required !== null) parts.push(t('targets.reasons.required', { year, value: value(target.required) }));
    parts.push(t('targets.reasons.current', { year, value: value(target.current) }));
    if (target.projection !== null) parts.push(t('targets.reasons.projection', { year: target.targetYear, value: value(target.projection) }));
  }
  return parts;
}

/** The colour of a verdict's tag. */
export const VERDICT_TAG: Record<Verdict, 'success' | 'primary' | 'warning' | 'danger' | 'info'> = {
  reached: 'success',
  onTrack: 'primary',
  atRisk: 'warning',
  behind: 'danger',
  missed: 'danger',
  noData: 'info',
};

/** Progress for a bar, 0–100 (the API's share of the goal, capped); null when there is none to show. */
export function progressPercent(target: TargetEvaluation): number | null {
  if (target.trendOnly || target.progress === null || !Number.isFinite(target.progress)) return null;
  return Math.round(Math.min(1, Math.max(0, target.progress)) * 1000) / 10;
}

/** One field of a target in words, for the table of what someone else changed. */
export function targetFieldText(field: keyof TargetInput, target: TargetInput, t: Translate, locale: string): string {
  const v = target[field];
  if (v === null || v === undefined || v === '') return '—';
  switch (field) {
    case 'targetValue':
      return formatTargetValue(target.targetValue, target.unit, t, locale);
    case 'threshold':
      return joinUnit(formatNumber(Number(v) / 10_000, 2), t('figureUnits.wanYuan'), locale);
    case 'riskRatio':
      return `${formatNumber(Number(v) * 100, 0)}%`;
    case 'trendOnly':
      return t(v ? 'common.yes' : 'common.no');
    case 'metric':
      return t(`targetMetrics.${String(v)}`);
    case 'unit':
      return t(`targetUnits.${String(v)}`);
    case 'figure':
      return t(`figures.${String(v)}`);
    case 'scale':
      return t(`scales.${String(v)}`);
    case 'qualification':
      return t(`qualifications.${String(v)}`);
    case 'department':
      return t(`departments.${String(v)}`);
    default:
      return String(v);
  }
}
