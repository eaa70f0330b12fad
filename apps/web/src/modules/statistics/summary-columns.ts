import { FIGURE_BY_KEY, type FigureKey, type SummaryRow } from '@yuanqu/contracts';
import { displayOf, formatShare, formatValue, formatYoy } from './figure-units';

/** What a figure's sub-column shows: the period's value, 同比, or the share of the total. */
export type Part = 'value' | 'yoy' | 'share';

/** The figures the table shows until the user chooses others. */
export const DEFAULT_TABLE_FIGURES: readonly FigureKey[] = ['mainRevenue', 'grossOutput', 'valueAdded', 'totalProfit', 'taxPaid', 'employeesEnd', 'energyKgce'];

/** Sums have 同比 and shares; 上云 (a share of firms) and the CNC rate (a mean) only a value. */
export function partsOf(key: FigureKey): Part[] {
  const kind = FIGURE_BY_KEY.get(key)!.kind;
  return kind === 'flow' || kind === 'stock' ? ['value', 'yoy', 'share'] : ['value'];
}

/** A table column's property, `figure:part`, which the total row reads back. */
export const columnProp = (key: FigureKey, part: Part) => `${key}:${part}`;

/** The text of one cell of a summary row (amounts in 万元). */
export function cellText(row: SummaryRow, key: FigureKey, part: Part): string {
  if (part === 'yoy') return formatYoy(row.yoy[key]);
  if (part === 'share') return formatShare(row.share[key]);
  return formatValue(row.values[key], displayOf(key, { aggregate: true }));
}

/** The text of the total row's cell for a column property, or null when the column is not a figure. */
export function totalCell(total: SummaryRow, prop: string): string | null {
  const [key, part] = prop.split(':') as [FigureKey, Part | undefined];
  if (!part || !FIGURE_BY_KEY.has(key)) return null;
  return cellText(total, key, part);
}
