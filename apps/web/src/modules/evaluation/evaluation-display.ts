import { indicatorDisplay, type GroupLabels, type IndicatorDisplay, type IndicatorUnitWord, type ResultRow, type RunResult } from '@yuanqu/contracts';
import { formatNumber } from '../statistics/figure-units';

/** A class as pages show it: A–D, or T (暂不评价). */
export type ClassMark = 'A' | 'B' | 'C' | 'D' | 'T';
export const CLASS_MARKS: readonly ClassMark[] = ['A', 'B', 'C', 'D', 'T'];

/** A green, B blue, C amber, D red, T grey; the map's 未评价 a pale grey. */
export const CLASS_COLORS: Record<ClassMark, string> = { A: '#67c23a', B: '#409eff', C: '#e6a23c', D: '#f56c6c', T: '#909399' };
export const UNRATED_COLOR = '#dcdfe6';

/** The Element Plus tag type of a class, so tables, cards and the map agree. */
export const CLASS_TAG: Record<ClassMark, 'success' | 'primary' | 'warning' | 'danger' | 'info'> = { A: 'success', B: 'primary', C: 'warning', D: 'danger', T: 'info' };

const EMPTY = '—';

/** An indicator's unit in the reader's language: `word` names one unit word (万元, 亩 …), `percent` the percent sign. */
export function unitText(display: IndicatorDisplay, word: (w: IndicatorUnitWord) => string): string {
  const { unit } = display;
  if (unit.kind === 'percent') return '%';
  if (unit.kind === 'none') return '';
  return `${word(unit.numerator)}/${word(unit.denominator)}`;
}

/** A stored indicator value (or benchmark) in its display unit, with separators: 260000 元/亩 → "26.00". */
export function formatIndicator(value: number | null | undefined, display: IndicatorDisplay): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return formatNumber(value * display.factor, display.decimals);
}

/** A score or total with two decimals. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? EMPTY : formatNumber(value, 2);
}

/** The display of each of a group's indicators, by key. */
export function displaysOf(group: GroupLabels): Map<string, IndicatorDisplay> {
  return new Map(group.indicators.map((i) => [i.key, indicatorDisplay(i.formula)]));
}

/** The ranking's filters: a group key ('' = every result), a class, a park or zone id, and text in the name or USCC. */
export interface RankingFilters {
  group: string;
  mark: ClassMark | '';
  unitId: string;
  q: string;
}

/** The results the ranking shows for its filters. */
export function filterResults(results: readonly RunResult[], f: RankingFilters): RunResult[] {
  const q = f.q.trim().toLowerCase();
  return results.filter(
    (r) =>
      (f.group === '' || r.groupKey === f.group) &&
      (f.mark === '' || r.class === f.mark) &&
      (f.unitId === '' || r.unitId === f.unitId) &&
      (q === '' || r.name.toLowerCase().includes(q) || r.uscc.toLowerCase().includes(q)),
  );
}

export type RankingSort = 'rank' | 'total';
const STATUS_ORDER: Record<ResultRow['status'], number> = { ranked: 0, vetoed: 1, exempt: 2, outOfScope: 3 };
const collator = new Intl.Collator('zh-CN');

/**
 * The ranking's order. By rank: the ranked first by rank, then vetoed ones (by total), then T,
 * then those out of scope, each by name. By total: highest first, those without a total last.
 */
export function sortResults(rows: readonly RunResult[], sort: RankingSort): RunResult[] {
  const byName = (a: RunResult, b: RunResult) => collator.compare(a.name, b.name);
  const byTotal = (a: RunResult, b: RunResult) => (b.total ?? -Infinity) - (a.total ?? -Infinity);
  if (sort === 'total') return [...rows].sort((a, b) => byTotal(a, b) || byName(a, b));
  return [...rows].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.rank ?? 0) - (b.rank ?? 0) || byTotal(a, b) || byName(a, b));
}

/** The parks and zones the results lie in, by name, for the park filter. */
export function unitsOf(results: readonly RunResult[]): { id: string; name: string }[] {
  const units = new Map(results.map((r) => [r.unitId, r.unitName]));
  return [...units].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));
}
