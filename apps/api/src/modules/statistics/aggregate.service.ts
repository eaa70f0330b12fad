import {
  cagr,
  FIGURE_BY_KEY,
  FIGURES,
  growth,
  previousPeriodInYear,
  samePeriodLastYear,
  type FigureKey,
  type Series,
  type SeriesQuery,
  type StatisticsFilter,
  type Summary,
  type SummaryQuery,
  type SummaryRow,
} from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import type { Viewer } from '../auth/viewer';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { readBuckets, type Bucket } from './aggregate.repository';

type Totals = { reporters: number; sums: Partial<Record<FigureKey, number | null>>; counts: Partial<Record<FigureKey, number>> };

function add(into: Totals, b: Bucket): void {
  into.reporters += b.reporters;
  for (const f of FIGURES) {
    const s = b.sums[f.key];
    if (s !== null && s !== undefined) into.sums[f.key] = (into.sums[f.key] ?? 0) + s;
    if (b.counts[f.key] !== undefined) into.counts[f.key] = (into.counts[f.key] ?? 0) + b.counts[f.key]!;
  }
}

/** The figure values of a slice: sums for flows and stocks, the share of 上云 and the mean CNC rate. */
function valuesOf(t: Totals | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of FIGURES) {
    const s = t?.sums[f.key] ?? null;
    if (f.kind === 'flow' || f.kind === 'stock') out[f.key] = s;
    else {
      const n = t?.counts[f.key] ?? 0;
      out[f.key] = n > 0 && s !== null ? s / n : null;
    }
  }
  return out;
}

function ancestorOfKind(units: ReadonlyMap<string, UnitRow>, unitId: string, kind: string): UnitRow | undefined {
  for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) if (u.kind === kind) return u;
  return undefined;
}

function groupOf(groupBy: SummaryQuery['groupBy'], b: Bucket, units: ReadonlyMap<string, UnitRow>): { key: string; name: string } {
  switch (groupBy) {
    case 'base':
      return { key: 'all', name: '' };
    case 'park':
    case 'zone': {
      const u = ancestorOfKind(units, b.unitId, groupBy) ?? units.get(b.unitId);
      return { key: u?.id ?? b.unitId, name: u?.name ?? '' };
    }
    case 'industryChain':
      return { key: b.industryChain, name: '' };
    case 'scale':
      return { key: b.scale, name: '' };
    case 'enterprise':
      return { key: b.enterpriseId!, name: b.enterpriseName! };
  }
}

async function filterWithUnit(db: Db, filter: StatisticsFilter) {
  const units = await unitMap(db);
  return { units, filter: { ...filter, unitPath: filter.unitId ? (units.get(filter.unitId)?.path ?? '/none/') : undefined } };
}

function summaryRow(key: string, name: string, now: Totals | undefined, before: Totals | undefined, total: Record<string, number | null>): SummaryRow {
  const values = valuesOf(now);
  const lastYear = valuesOf(before);
  const yoy: Record<string, number | null> = {};
  const share: Record<string, number | null> = {};
  for (const f of FIGURES) {
    const summed = f.kind === 'flow' || f.kind === 'stock';
    yoy[f.key] = summed ? growth(values[f.key], lastYear[f.key]) : null;
    share[f.key] = summed && values[f.key] !== null && total[f.key] ? values[f.key]! / total[f.key]! : null;
  }
  return { key, name, reporters: now?.reporters ?? 0, values, lastYear, yoy, share };
}

/**
 * Totals for a period by group, with the same period a year before and 同比. Membership of 规上 is
 * that of each period (a firm counts as 规上 in the periods it was 规上), so 同比 compares the total
 * of this period's 规上 firms with the total of last year's, as the monthly tables add up.
 */
export async function summarize(db: Db, viewer: Viewer, query: SummaryQuery): Promise<Summary> {
  const lastYear = samePeriodLastYear(query.period);
  const { units, filter } = await filterWithUnit(db, query);
  const buckets = await readBuckets(db, viewer, { periods: [query.period, lastYear], filter, byEnterprise: query.groupBy === 'enterprise' });
  const groups = new Map<string, { name: string; now?: Totals; before?: Totals }>();
  const all: { now: Totals; before: Totals } = { now: { reporters: 0, sums: {}, counts: {} }, before: { reporters: 0, sums: {}, counts: {} } };
  for (const b of buckets) {
    const { key, name } = groupOf(query.groupBy, b, units);
    const g = groups.get(key) ?? { name };
    const side = b.period === query.period ? 'now' : 'before';
    g[side] ??= { reporters: 0, sums: {}, counts: {} };
    add(g[side]!, b);
    add(all[side], b);
    groups.set(key, g);
  }
  const totalValues = valuesOf(all.now);
  const rows = [...groups]
    .map(([key, g]) => summaryRow(key, g.name, g.now, g.before, totalValues))
    .sort((a, b) => (b.values.mainRevenue ?? -1) - (a.values.mainRevenue ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  return { period: query.period, groupBy: query.groupBy, rows, total: summaryRow('all', '', all.now, all.before, totalValues) };
}

function periodsBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let m = 2; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const STEP: Record<SeriesQuery['frequency'], number[]> = { month: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], quarter: [3, 6, 9, 12], year: [12] };

/**
 * One figure over time: the cumulative value of each period, the value of the month, quarter or
 * year itself (by difference of cumulative values, for flows), 同比 on the cumulative values, and
 * the compound annual growth between the first and last full years.
 */
export async function series(db: Db, viewer: Viewer, query: SeriesQuery): Promise<Series> {
  const from = Math.min(query.from, query.to);
  const to = Math.max(query.from, query.to);
  const { filter } = await filterWithUnit(db, query);
  const buckets = await readBuckets(db, viewer, { periods: periodsBetween(from - 1, to), filter, byEnterprise: false });
  const byPeriod = new Map<string, Totals>();
  for (const b of buckets) {
    const t = byPeriod.get(b.period) ?? { reporters: 0, sums: {}, counts: {} };
    add(t, b);
    byPeriod.set(b.period, t);
  }
  const at = (period: string | null) => (period && byPeriod.has(period) ? valuesOf(byPeriod.get(period))[query.figure]! : null);
  const flow = FIGURE_BY_KEY.get(query.figure)!.kind === 'flow';
  const points: Series['points'] = [];
  for (let y = from; y <= to; y++) {
    const steps = STEP[query.frequency];
    steps.forEach((m, i) => {
      const period = `${y}-${String(m).padStart(2, '0')}`;
      const cumulative = at(period);
      const before = i === 0 ? (query.frequency === 'month' ? previousPeriodInYear(period) : null) : `${y}-${String(steps[i - 1]).padStart(2, '0')}`;
      const prior = before === null ? 0 : at(before);
      const value = !flow || cumulative === null ? cumulative : prior === null ? null : cumulative - prior;
      points.push({ label: period, period, cumulative, value, yoy: growth(cumulative, at(samePeriodLastYear(period))) });
    });
  }
  const annual = Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, value: at(`${from + i}-12`) })).filter((a) => a.value !== null);
  const first = annual[0];
  const last = annual[annual.length - 1];
  return { figure: query.figure, frequency: query.frequency, points, cagr: first && last && last.year > first.year ? cagr(first.value, last.value, last.year - first.year) : null };
}
