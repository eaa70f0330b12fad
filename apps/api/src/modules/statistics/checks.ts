import { FIGURE_BY_KEY, FLOW_FIGURES, type FigureKey, type FigureValues, type FigureWarning } from '@yuanqu/contracts';

/** Figures whose month-on-month jump is worth a second look (investment is lumpy by nature). */
const JUMP_FIGURES: readonly FigureKey[] = ['mainRevenue', 'operatingRevenue', 'grossOutput', 'valueAdded', 'taxPaid', 'energyKgce', 'electricityKwh'];

/** A figure that must not exceed another in the same report. */
const NOT_ABOVE: readonly { code: FigureWarning['code']; field: FigureKey; reference: FigureKey }[] = [
  { code: 'taxAboveRevenue', field: 'taxPaid', reference: 'mainRevenue' },
  { code: 'mainAboveOperating', field: 'mainRevenue', reference: 'operatingRevenue' },
  { code: 'valueAddedAboveOutput', field: 'valueAdded', reference: 'grossOutput' },
  { code: 'profitAboveRevenue', field: 'totalProfit', reference: 'operatingRevenue' },
];

export interface CheckInput {
  values: FigureValues;
  /** The counted figures of the previous period of the same year (none for 1-2月). */
  previous: FigureValues | null;
  /** And of the period before that, to know the previous month's own value. */
  beforePrevious: FigureValues | null;
  /** The counted figures of the next period of the same year, when a past period is corrected. */
  next?: FigureValues | null;
  /** True when `previous` is 1-2月, which spans two months. */
  previousIsTwoMonths: boolean;
  jumpFactor: number;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number';

/** The plausibility checks a reviewer must acknowledge before figures count (they are not errors). */
export function checkFigures(input: CheckInput): FigureWarning[] {
  const { values, previous, beforePrevious, jumpFactor } = input;
  const out: FigureWarning[] = [];
  for (const key of FLOW_FIGURES) {
    const value = values[key];
    const next = input.next?.[key];
    if (num(value) && num(next) && value > next && !FIGURE_BY_KEY.get(key)!.signed) {
      out.push({ code: 'cumulativeAboveNext', field: key, value, reference: next, referenceField: null, factor: null });
    }
    const prev = previous?.[key];
    if (!num(value) || !num(prev)) continue;
    if (!FIGURE_BY_KEY.get(key)!.signed && value < prev) {
      out.push({ code: 'cumulativeDecrease', field: key, value, reference: prev, referenceField: null, factor: null });
      continue;
    }
    if (!JUMP_FIGURES.includes(key)) continue;
    const before = input.previousIsTwoMonths ? 0 : beforePrevious?.[key];
    if (!num(before)) continue;
    const month = value - prev;
    const lastMonth = input.previousIsTwoMonths ? prev / 2 : prev - before;
    if (month <= 0 || lastMonth <= 0) continue;
    const ratio = month / lastMonth;
    if (ratio > jumpFactor || ratio < 1 / jumpFactor) out.push({ code: 'monthJump', field: key, value: month, reference: lastMonth, referenceField: null, factor: jumpFactor });
  }
  for (const rule of NOT_ABOVE) {
    const value = values[rule.field];
    const reference = values[rule.reference];
    if (num(value) && num(reference) && value > reference) {
      out.push({ code: rule.code, field: rule.field, value, reference, referenceField: rule.reference, factor: null });
    }
  }
  return out;
}
