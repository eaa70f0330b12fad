import {
  FIGURE_KEYS,
  GROUP_BYS,
  INDUSTRY_CHAINS,
  SCALES,
  parsePeriod,
  type FigureKey,
  type GroupBy,
  type IndustryChain,
  type Scale,
  type SummaryRow,
} from '@yuanqu/contracts';
import type { LocationQuery } from 'vue-router';
import type { StatisticsFilters } from '../../api/statistics';
import type { Translate } from '../../utils/zod-errors';

/** What the statistics page shows; kept in the address so a view can be shared and Back goes up a level. */
export interface StatisticsView extends StatisticsFilters {
  period: string;
  groupBy: GroupBy;
  /** The figure of the trend and the structure chart. */
  figure: FigureKey;
}

function one(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function member<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The view in the address; anything missing or malformed falls back (the latest closed period, by park). */
export function viewFromQuery(query: LocationQuery, latest: string): StatisticsView {
  const period = one(query.period);
  const view: StatisticsView = {
    period: period && parsePeriod(period) && period <= latest ? period : latest,
    groupBy: member(GROUP_BYS, one(query.groupBy)) ?? 'park',
    figure: member(FIGURE_KEYS, one(query.figure)) ?? 'mainRevenue',
  };
  const unitId = one(query.unitId);
  if (unitId) view.unitId = unitId;
  const chain = member(INDUSTRY_CHAINS, one(query.industryChain));
  if (chain) view.industryChain = chain;
  const scale = member(SCALES, one(query.scale));
  if (scale) view.scale = scale;
  return view;
}

/** The address query of a view; filters left out when unset. */
export function queryFromView(view: StatisticsView): Record<string, string> {
  const out: Record<string, string> = { period: view.period, groupBy: view.groupBy, figure: view.figure };
  if (view.unitId) out.unitId = view.unitId;
  if (view.industryChain) out.industryChain = view.industryChain;
  if (view.scale) out.scale = view.scale;
  return out;
}

/** The filters a view applies to the API. */
export function filtersOf(view: StatisticsView): StatisticsFilters {
  return { unitId: view.unitId, industryChain: view.industryChain as IndustryChain | undefined, scale: view.scale as Scale | undefined };
}

/** Where a click on a row leads: one level down (base → parks → industries → enterprises), or an enterprise's own figures. */
export type Drill = { view: StatisticsView } | { enterpriseId: string };

export function drillDown(view: StatisticsView, row: Pick<SummaryRow, 'key'>): Drill {
  switch (view.groupBy) {
    case 'base':
      return { view: { ...view, groupBy: 'park' } };
    case 'park':
    case 'zone':
      return { view: { ...view, unitId: row.key, groupBy: 'industryChain' } };
    case 'industryChain':
      return { view: { ...view, industryChain: row.key as IndustryChain, groupBy: 'enterprise' } };
    case 'scale':
      return { view: { ...view, scale: row.key as Scale, groupBy: 'enterprise' } };
    case 'enterprise':
      return { enterpriseId: row.key };
  }
}

/** A row's name: the API names units and enterprises; industries and scales are enum keys labelled here. */
export function rowName(groupBy: GroupBy, row: Pick<SummaryRow, 'key' | 'name'>, t: Translate): string {
  if (groupBy === 'base') return t('statistics.baseName');
  if (groupBy === 'industryChain') return t(`chains.${row.key}`);
  if (groupBy === 'scale') return t(`scales.${row.key}`);
  return row.name || row.key;
}
