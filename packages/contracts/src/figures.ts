/**
 * The statistical figures an enterprise reports each period, and the period convention of Chinese
 * statistics: a period `YYYY-MM` holds the year-to-date cumulative value 1–N月累计; January is
 * reported with February (1-2月), so N runs 2…12; 当月 is derived by difference and 同比 compares
 * cumulative values with the same period of the year before; annual = 1-12月.
 */

/** How a figure behaves over time and across enterprises. */
export type FigureKind =
  /** Year-to-date cumulative flow: summed across enterprises, 当月 by difference. */
  | 'flow'
  /** A level at the period end or an average over it: summed across enterprises, no difference. */
  | 'stock'
  /** A yes/no state: aggregated as a share of reporters. */
  | 'flag'
  /** A percentage per enterprise: aggregated as the mean of reporters. */
  | 'rate';

/** Stored unit: 元 and the physical units are integers, exact; `percent` is a number 0–100. */
export type FigureUnit = 'yuan' | 'person' | 'kgce' | 'kwh' | 'kg' | 'flag' | 'percent';

export interface FigureDef {
  key: FigureKey;
  kind: FigureKind;
  unit: FigureUnit;
  /** May be negative (利润总额). */
  signed?: boolean;
}

export const FIGURE_KEYS = [
  'mainRevenue',
  'operatingRevenue',
  'grossOutput',
  'valueAdded',
  'totalProfit',
  'taxPaid',
  'employeesEnd',
  'employeesAvg',
  'rdExpense',
  'techInvestment',
  'fixedInvestment',
  'energyKgce',
  'electricityKwh',
  'codKg',
  'ammoniaKg',
  'so2Kg',
  'noxKg',
  'cloudAdopted',
  'cncRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURES: readonly FigureDef[] = [
  { key: 'mainRevenue', kind: 'flow', unit: 'yuan' },
  { key: 'operatingRevenue', kind: 'flow', unit: 'yuan' },
  { key: 'grossOutput', kind: 'flow', unit: 'yuan' },
  { key: 'valueAdded', kind: 'flow', unit: 'yuan' },
  { key: 'totalProfit', kind: 'flow', unit: 'yuan', signed: true },
  { key: 'taxPaid', kind: 'flow', unit: 'yuan' },
  { key: 'employeesEnd', kind: 'stock', unit: 'person' },
  { key: 'employeesAvg', kind: 'stock', unit: 'person' },
  { key: 'rdExpense', kind: 'flow', unit: 'yuan' },
  { key: 'techInvestment', kind: 'flow', unit: 'yuan' },
  { key: 'fixedInvestment', kind: 'flow', unit: 'yuan' },
  { key: 'energyKgce', kind: 'flow', unit: 'kgce' },
  { key: 'electricityKwh', kind: 'flow', unit: 'kwh' },
  { key: 'codKg', kind: 'flow', unit: 'kg' },
  { key: 'ammoniaKg', kind: 'flow', unit: 'kg' },
  { key: 'so2Kg', kind: 'flow', unit: 'kg' },
  { key: 'noxKg', kind: 'flow', unit: 'kg' },
  { key: 'cloudAdopted', kind: 'flag', unit: 'flag' },
  { key: 'cncRate', kind: 'rate', unit: 'percent' },
];

export const FIGURE_BY_KEY: ReadonlyMap<FigureKey, FigureDef> = new Map(FIGURES.map((f) => [f.key, f]));
export const SUMMED_FIGURES: readonly FigureKey[] = FIGURES.filter((f) => f.kind === 'flow' || f.kind === 'stock').map((f) => f.key);
export const FLOW_FIGURES: readonly FigureKey[] = FIGURES.filter((f) => f.kind === 'flow').map((f) => f.key);

export type FigureValues = Partial<Record<FigureKey, number | null>>;

const PERIOD = /^(\d{4})-(0[2-9]|1[0-2])$/;

/** A reporting period: year and the last month of the cumulative span (2…12). */
export interface Period {
  year: number;
  month: number;
}

export function parsePeriod(text: string): Period | null {
  const m = PERIOD.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

export function formatPeriod(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The period before, within the same year; null for 1-2月 (its 当月 is itself). */
export function previousPeriodInYear(period: string): string | null {
  const p = parsePeriod(period);
  if (!p || p.month === 2) return null;
  return formatPeriod({ year: p.year, month: p.month - 1 });
}

/** The period after, within the same year; null for 1-12月. */
export function nextPeriodInYear(period: string): string | null {
  const p = parsePeriod(period);
  if (!p || p.month === 12) return null;
  return formatPeriod({ year: p.year, month: p.month + 1 });
}

/** The same period of the year before, the base of 同比. */
export function samePeriodLastYear(period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`not a period: ${period}`);
  return formatPeriod({ year: p.year - 1, month: p.month });
}

/** The last day of the period, `YYYY-MM-DD`. */
export function periodEnd(period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`not a period: ${period}`);
  const last = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return `${formatPeriod(p)}-${String(last).padStart(2, '0')}`;
}

/** Every period of a year in order, 1-2月 … 1-12月. */
export function periodsOfYear(year: number): string[] {
  return Array.from({ length: 11 }, (_, i) => formatPeriod({ year, month: i + 2 }));
}

/** The latest period whose month has ended on `today` (`YYYY-MM-DD`); January still waits for 1-2月. */
export function latestClosedPeriod(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  if (month >= 2) return formatPeriod({ year, month });
  return formatPeriod({ year: year - 1, month: 12 });
}

/** 同比 growth as a fraction (0.095 = +9.5 %); null when the base is missing or not positive. */
export function growth(current: number | null | undefined, base: number | null | undefined): number | null {
  if (current == null || base == null || base <= 0) return null;
  return current / base - 1;
}

/** Compound annual growth rate between two annual values `years` apart. */
export function cagr(first: number | null | undefined, last: number | null | undefined, years: number): number | null {
  if (first == null || last == null || first <= 0 || last < 0 || years <= 0) return null;
  return (last / first) ** (1 / years) - 1;
}
