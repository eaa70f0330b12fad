import type { EnterpriseStats } from '@yuanqu/contracts';

export interface Kpi {
  key: string;
  /** i18n key of the label. */
  label: string;
  value: number;
  /** The enterprise list filter that shows exactly these enterprises. */
  query: Record<string, string>;
}

function countOf(entries: readonly { key: string; count: number }[], key: string): number {
  return entries.find((e) => e.key === key)?.count ?? 0;
}

/** The headline figures of the dashboard, each linked to the list it counts. */
export function kpisFromStats(stats: EnterpriseStats): Kpi[] {
  return [
    { key: 'total', label: 'home.kpi.total', value: stats.total, query: {} },
    { key: 'above', label: 'home.kpi.above', value: countOf(stats.byScale, 'above'), query: { scale: 'above' } },
    { key: 'below', label: 'home.kpi.below', value: countOf(stats.byScale, 'below'), query: { scale: 'below' } },
    { key: 'industrial', label: 'home.kpi.industrial', value: countOf(stats.byCategory, 'industrial'), query: { category: 'industrial' } },
    { key: 'logistics', label: 'home.kpi.logistics', value: countOf(stats.byCategory, 'logistics'), query: { category: 'logistics' } },
    { key: 'incubator', label: 'home.kpi.incubator', value: countOf(stats.byCategory, 'incubator'), query: { category: 'incubator' } },
  ];
}
