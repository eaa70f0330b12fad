import type { FigureKey, SummaryRow } from '@yuanqu/contracts';
import { formatCount } from '../../utils/format';
import { displayOf, formatValue, formatYoy } from './figure-units';

export interface StatisticsKpi {
  key: string;
  /** i18n keys of the label and the unit. */
  label: string;
  unit: string;
  value: string;
  /** 同比 as shown ("+9.5%"), or null when the figure has none. */
  yoy: string | null;
  /** Sign of 同比, for its colour. */
  trend: 'up' | 'down' | 'flat';
}

/** The headline amounts, in 亿元 as the base's bulletins give them. */
const AMOUNTS: readonly FigureKey[] = ['mainRevenue', 'grossOutput', 'valueAdded', 'totalProfit', 'taxPaid'];

function trendOf(yoy: number | null | undefined): StatisticsKpi['trend'] {
  if (yoy === null || yoy === undefined || Math.abs(yoy) < 0.0005) return 'flat';
  return yoy > 0 ? 'up' : 'down';
}

/** The KPI cards of a period: amounts with 同比, then how many firms are 规上 and how many reported. */
export function statisticsKpis(total: SummaryRow, aboveScale: number | null): StatisticsKpi[] {
  const amounts = AMOUNTS.map((key) => ({
    key,
    label: `figures.${key}`,
    unit: 'figureUnits.yiYuan',
    value: formatValue(total.values[key], displayOf(key, { big: true })),
    yoy: formatYoy(total.yoy[key]),
    trend: trendOf(total.yoy[key]),
  }));
  const counts: StatisticsKpi[] = [
    { key: 'aboveScale', label: 'statistics.aboveScale', unit: 'figureUnits.count', value: formatCount(aboveScale), yoy: null, trend: 'flat' },
    { key: 'reporters', label: 'statistics.reporters', unit: 'figureUnits.count', value: formatCount(total.reporters), yoy: null, trend: 'flat' },
  ];
  return [...amounts, ...counts];
}
