import { FIGURE_BY_KEY, type FigureKey, type FigureUnit } from '@yuanqu/contracts';
import { decimalPlaces, moveDecimalPoint, shiftNumber } from '../../utils/decimal';

/** The units figures are shown and entered in; labels are `figureUnits.<key>` in the locales. */
export type DisplayUnit = 'wanYuan' | 'yiYuan' | 'person' | 'tce' | 'wanKwh' | 'tonne' | 'percent' | 'flag';

export interface Display {
  unit: DisplayUnit;
  /** Shown value = stored value ÷ 10^places (元 → 万元: 4). */
  places: number;
  /** Decimals shown. */
  decimals: number;
}

/** How one enterprise's figures are entered and shown: amounts in 万元, energy in 吨标准煤, 万千瓦时, 吨. */
const ENTRY: Record<FigureUnit, Display> = {
  yuan: { unit: 'wanYuan', places: 4, decimals: 2 },
  person: { unit: 'person', places: 0, decimals: 0 },
  kgce: { unit: 'tce', places: 3, decimals: 2 },
  kwh: { unit: 'wanKwh', places: 4, decimals: 2 },
  kg: { unit: 'tonne', places: 3, decimals: 3 },
  flag: { unit: 'flag', places: 0, decimals: 0 },
  percent: { unit: 'percent', places: 0, decimals: 1 },
};

/** The display of a figure: `big` amounts (base totals, KPI cards) in 亿元; aggregates show 上云 as a share in %. */
export function displayOf(key: FigureKey, options: { big?: boolean; aggregate?: boolean } = {}): Display {
  const unit = FIGURE_BY_KEY.get(key)!.unit;
  if (unit === 'yuan' && options.big) return { unit: 'yiYuan', places: 8, decimals: 2 };
  if (unit === 'flag' && options.aggregate) return { unit: 'percent', places: -2, decimals: 1 };
  return ENTRY[unit];
}

const EMPTY = '—';
const numberFormats = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and exactly `decimals` decimals: 1234.5 → "1,234.50". */
export function formatNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** A stored value in its display unit, without the unit: 6_435_000_000 元 in 亿元 → "64.35"; flags read 是/否 via `yesNo`. */
export function formatValue(value: number | null | undefined, display: Display, yesNo?: (flag: boolean) => string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  if (display.unit === 'flag') return yesNo ? yesNo(value === 1) : String(value);
  return formatNumber(value / 10 ** display.places, display.decimals);
}

/** 同比 as users read it: 0.095 → "+9.5%", −0.021 → "-2.1%". */
export function formatYoy(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return EMPTY;
  const text = formatNumber(fraction * 100, 1).replace(/^-(0\.0)$/, '$1');
  return fraction > 0 && text !== '0.0' ? `+${text}%` : `${text}%`;
}

/** A share of a whole: 0.5234 → "52.3%". */
export function formatShare(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return EMPTY;
  return `${formatNumber(fraction * 100, 1)}%`;
}

/** "Label（unit）" in Chinese punctuation, "Label (unit)" in English; no brackets without a unit. */
export function withUnit(label: string, unit: string, locale: string): string {
  if (!unit) return label;
  return locale === 'zh-CN' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** Why an entry was refused; `figureErrors.<code>` in the locales. */
export type EntryError = 'number' | 'decimals' | 'negative' | 'tooLarge' | 'range' | 'flag';

/** Decimals a clerk may type per unit: as many as make a whole stored unit (万元 → 元: 4). */
export function entryDecimals(key: FigureKey): number {
  const unit = FIGURE_BY_KEY.get(key)!.unit;
  return unit === 'percent' ? 2 : ENTRY[unit].places;
}

/**
 * A clerk's entry in the display unit → the stored value, exactly (万元 with up to 4 decimals →
 * integer 元). An empty entry is null (not reported).
 */
export function parseEntry(key: FigureKey, text: string): { ok: true; value: number | null } | { ok: false; error: EntryError } {
  const def = FIGURE_BY_KEY.get(key)!;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (def.unit === 'flag') return trimmed === '0' || trimmed === '1' ? { ok: true, value: Number(trimmed) } : { ok: false, error: 'flag' };
  const places = ENTRY[def.unit].places;
  const stored = moveDecimalPoint(trimmed, places);
  if (stored === null) return { ok: false, error: 'number' };
  if (decimalPlaces(trimmed) > entryDecimals(key)) return { ok: false, error: 'decimals' };
  const value = Number(stored);
  if (value < 0 && !def.signed) return { ok: false, error: 'negative' };
  if (def.unit === 'percent') return value > 100 ? { ok: false, error: 'range' } : { ok: true, value };
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'tooLarge' };
  return { ok: true, value };
}

/** A stored value as the text of its entry field, exact: 12345678 元 → "1234.5678" (万元). */
export function entryText(key: FigureKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const unit = FIGURE_BY_KEY.get(key)!.unit;
  return unit === 'flag' ? String(value) : shiftNumber(value, ENTRY[unit].places);
}

/** The report form's sections and their figures, in the order of the statistical report forms. */
export const FIGURE_GROUPS: readonly { key: string; figures: readonly FigureKey[] }[] = [
  { key: 'business', figures: ['mainRevenue', 'operatingRevenue', 'grossOutput', 'valueAdded', 'totalProfit', 'taxPaid'] },
  { key: 'people', figures: ['employeesEnd', 'employeesAvg'] },
  { key: 'investment', figures: ['rdExpense', 'techInvestment', 'fixedInvestment'] },
  { key: 'energy', figures: ['energyKgce', 'electricityKwh', 'codKg', 'ammoniaKg', 'so2Kg', 'noxKg'] },
  { key: 'digital', figures: ['cloudAdopted', 'cncRate'] },
];

/** The display of a chart's values: amounts in 亿元 once they reach it, otherwise in 万元, so axes stay readable. */
export function chartDisplayOf(key: FigureKey, values: readonly (number | null)[]): Display {
  const largest = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return displayOf(key, { big: largest >= 1e8, aggregate: true });
}

/** A stored value as a chart number in its display unit, rounded to the shown decimals. */
export function chartNumber(value: number | null, display: Display): number | null {
  return value === null ? null : Number((value / 10 ** display.places).toFixed(display.decimals));
}
