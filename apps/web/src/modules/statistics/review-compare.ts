import {
  FIGURE_BY_KEY,
  FIGURE_KEYS,
  growth,
  parsePeriod,
  previousPeriodInYear,
  samePeriodLastYear,
  type EnterpriseFigures,
  type FigureKey,
} from '@yuanqu/contracts';

type Values = Readonly<Record<string, number | null>>;

/** What an enterprise's counted figures say around a period: the period itself, the one before, a year before. */
export interface References {
  counted: Values | null;
  previous: Values | null;
  lastYear: Values | null;
  /** 1-2月 has no previous period: its month is itself. */
  firstPeriod: boolean;
}

/** The references of `period` from the counted figures of its year and the year before. */
export function referencesFor(period: string, thisYear: EnterpriseFigures | null, lastYear: EnterpriseFigures | null): References {
  const at = (figures: EnterpriseFigures | null, p: string | null) => (p && figures?.periods.find((x) => x.period === p)?.values) || null;
  const previous = previousPeriodInYear(period);
  return {
    counted: at(thisYear, period),
    previous: at(thisYear, previous),
    lastYear: at(lastYear, samePeriodLastYear(period)),
    firstPeriod: parsePeriod(period)?.month === 2,
  };
}

export interface CompareRow {
  key: FigureKey;
  reported: number | null;
  counted: number | null;
  previous: number | null;
  /** The month's own value, by difference with the previous period (flows only). */
  month: number | null;
  lastYear: number | null;
  /** 同比 of the reported cumulative value. */
  yoy: number | null;
}

/** A reported period beside what counts already, figure by figure (only figures that appear anywhere). */
export function compareRows(reported: Values, refs: References): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const key of FIGURE_KEYS) {
    const value = reported[key] ?? null;
    const counted = refs.counted?.[key] ?? null;
    const previous = refs.previous?.[key] ?? null;
    if (value === null && counted === null && previous === null) continue;
    const kind = FIGURE_BY_KEY.get(key)!.kind;
    const before = refs.firstPeriod ? 0 : previous;
    const month = kind === 'flow' && value !== null && before !== null ? value - before : null;
    const lastYear = refs.lastYear?.[key] ?? null;
    const yoy = kind === 'flow' || kind === 'stock' ? growth(value, lastYear) : null;
    rows.push({ key, reported: value, counted, previous, month, lastYear, yoy });
  }
  return rows;
}
