import {
  FIGURES,
  targetInputSchema,
  type Department,
  type FigureKey,
  type QualificationType,
  type Scale,
  type TargetEvaluation,
  type TargetInput,
  type TargetMetric,
  type TargetUnit,
} from '@yuanqu/contracts';
import { moveDecimalPoint, shiftNumber } from '../../utils/decimal';
import { fieldErrors, type Translate } from '../../utils/zod-errors';
import { parseTargetEntry, targetEntryText } from './target-format';

/** The target dialog: numbers as typed in their display units (goal per unit, threshold in 万元, risk line in %). */
export interface TargetForm {
  name: string;
  metric: TargetMetric;
  figure: FigureKey | null;
  scale: Scale | null;
  qualification: QualificationType | null;
  threshold: string;
  unit: TargetUnit;
  targetValue: string;
  baselineYear: number;
  targetYear: number;
  trendOnly: boolean;
  riskRatio: string;
  department: Department;
  source: string;
}

export function emptyTargetForm(year: number): TargetForm {
  return {
    name: '',
    metric: 'sum',
    figure: 'mainRevenue',
    scale: null,
    qualification: null,
    threshold: '',
    unit: 'yuan',
    targetValue: '',
    baselineYear: year,
    targetYear: year + 3,
    trendOnly: false,
    riskRatio: '90',
    department: 'economy',
    source: '',
  };
}

export function targetFormFrom(t: TargetEvaluation): TargetForm {
  return {
    name: t.name,
    metric: t.metric,
    figure: t.figure,
    scale: t.scale,
    qualification: t.qualification,
    threshold: t.threshold === null ? '' : shiftNumber(t.threshold, 4),
    unit: t.unit,
    targetValue: t.trendOnly && t.targetValue === 0 ? '' : targetEntryText(t.targetValue, t.unit),
    baselineYear: t.baselineYear,
    targetYear: t.targetYear,
    trendOnly: t.trendOnly,
    riskRatio: shiftNumber(t.riskRatio, -2),
    department: t.department,
    source: t.source ?? '',
  };
}

/** What each metric measures: which figures it can take, and which extra field it needs. */
export function needsFigure(metric: TargetMetric): boolean {
  return ['sum', 'growth', 'share', 'mean', 'newLargeFirms'].includes(metric);
}

export function figuresFor(metric: TargetMetric): FigureKey[] {
  if (metric === 'share') return FIGURES.filter((f) => f.kind === 'flag').map((f) => f.key);
  if (metric === 'mean') return FIGURES.filter((f) => f.kind === 'rate').map((f) => f.key);
  if (metric === 'newLargeFirms') return FIGURES.filter((f) => f.kind === 'flow' && f.unit === 'yuan').map((f) => f.key);
  return FIGURES.filter((f) => f.kind === 'flow' || f.kind === 'stock').map((f) => f.key);
}

/** The unit a metric is naturally stated in, proposed when the metric changes. */
export function unitFor(metric: TargetMetric, figure: FigureKey | null): TargetUnit {
  if (metric === 'growth' || metric === 'share' || metric === 'mean') return 'percent';
  if (metric === 'sum') return FIGURES.find((f) => f.key === figure)?.unit === 'yuan' ? 'yuan' : 'count';
  return 'count';
}

export type TargetValidation = { ok: true; value: TargetInput } | { ok: false; errors: Record<string, string> };

/** The API body of the form, checked with the API's own schema and its completeness rules. */
export function validateTargetForm(form: TargetForm, t: Translate): TargetValidation {
  const errors: Record<string, string> = {};
  const number = (text: string, field: string, parse: (s: string) => number | null): number | null => {
    if (text.trim() === '') return null;
    const value = parse(text);
    if (value === null || !Number.isFinite(value)) errors[field] = t('validation.invalid');
    return value;
  };
  const goal = number(form.targetValue, 'targetValue', (s) => parseTargetEntry(s, form.unit));
  const threshold = number(form.threshold, 'threshold', (s) => (moveDecimalPoint(s, 4) === null ? null : Number(moveDecimalPoint(s, 4))));
  const risk = number(form.riskRatio, 'riskRatio', (s) => (moveDecimalPoint(s, -2) === null ? null : Number(moveDecimalPoint(s, -2))));
  const body = {
    name: form.name,
    metric: form.metric,
    figure: needsFigure(form.metric) ? form.figure : null,
    scale: ['sum', 'growth', 'share', 'mean'].includes(form.metric) ? form.scale : null,
    qualification: form.metric === 'qualifications' ? form.qualification : null,
    threshold: form.metric === 'newLargeFirms' ? threshold : null,
    unit: form.unit,
    targetValue: form.trendOnly ? (goal ?? 0) : goal,
    baselineYear: form.baselineYear,
    targetYear: form.targetYear,
    trendOnly: form.trendOnly,
    riskRatio: risk,
    department: form.department,
    source: form.source.trim() || null,
  };
  const result = targetInputSchema.safeParse(body);
  const all = { ...(result.success ? {} : fieldErrors(result.error.issues, t)), ...errors };
  // The schema checks the order of the years only once every field parses; say it at once.
  if (form.targetYear <= form.baselineYear) all.targetYear = t('validation.targetYears');
  if (needsFigure(form.metric) && !form.figure) all.figure = t('validation.select');
  if (form.metric === 'qualifications' && !form.qualification) all.qualification = t('validation.select');
  if (form.metric === 'newLargeFirms' && threshold === null && !errors.threshold) all.threshold = t('validation.required');
  if (!result.success || Object.keys(all).length) return { ok: false, errors: all };
  return { ok: true, value: result.data };
}

/** The fields whose values differ between what the user entered and the target as it now stands. */
export function changedFields(mine: TargetInput, current: TargetEvaluation): (keyof TargetInput)[] {
  return (Object.keys(mine) as (keyof TargetInput)[]).filter((k) => mine[k] !== current[k]);
}
