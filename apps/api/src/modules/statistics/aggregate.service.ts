import {
  cagr,
  FIGURE_BY_KEY,
  FIGURE_KEYS,
  FIGURES,
  growth,
  previousPeriodInYear,
  samePeriodLastYear,
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
import { readBuckets, topEnterprises, type Figures } from './aggregate.repository';
import { readRollup } from './rollup';
import { partsByKind, scopeUnits } from './scope-units';

const empty = (): Figures => ({ reporters: 0, s: {} as Figures['s'], n: {} as Figures['n'] });

function add(into: Figures, b: Figures, sign: 1 | -1 = 1): void {
  into.reporters += sign * b.reporters;
  for (const f of FIGURE_KEYS) {
    into.s[f] = (into.s[f] ?? 0) + sign * b.s[f];
    into.n[f] = (into.n[f] ?? 0) + sign * b.n[f];
  }
}

/** Rollup rows in the shape of the other sums. */
function figuresOf(row: Record<string, unknown>): Figures {
  const out = empty();
  out.reporters = Number(row.reporters);
  for (const f of FIGURE_KEYS) {
    out.s[f] = Number(row[f]);
    out.n[f] = Number(row[`${f}N`]);
  }
  return out;
}

/** The figure values of a slice: sums for flows and stocks, the share of 上云 and the mean CNC rate. */
function valuesOf(t: Figures | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of FIGURES) {
    const n = t?.n[f.key] ?? 0;
    const s = t?.s[f.key] ?? 0;
    out[f.key] = n === 0 ? null : f.kind === 'flow' || f.kind === 'stock' ? s : s / n;
  }
  return out;
}

function summaryRow(key: string, name: string, now: Figures | undefined, before: Figures | undefined, total: Record<string, number | null>): SummaryRow {
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

type Groups = Map<string, { name: string; now: Figures; before: Figures }>;

function into(groups: Groups, key: string, name: string, side: 'now' | 'before', f: Figures, sign: 1 | -1 = 1): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { name, now: empty(), before: empty() }));
  add(g[side], f, sign);
}

/** Groups from the rollup: a few rows per unit and period, whatever the number of enterprises. */
async function rollupGroups(db: Db, units: ReadonlyMap<string, UnitRow>, viewer: Viewer, query: SummaryQuery, periods: string[]): Promise<Groups> {
  const scope = scopeUnits(units, viewer, query.unitId);
  const parts = query.groupBy === 'park' || query.groupBy === 'zone' ? partsByKind(units, scope, query.groupBy) : scope.map((u) => ({ unitId: u.id, group: u, sign: 1 as const }));
  const partsOf = new Map<string, typeof parts>();
  for (const p of parts) partsOf.set(p.unitId, [...(partsOf.get(p.unitId) ?? []), p]);
  const keep = query.groupBy === 'industryChain' || query.groupBy === 'scale' ? query.groupBy : undefined;
  const rows = await readRollup(db, { periods, unitIds: [...partsOf.keys()], industryChain: query.industryChain, scale: query.scale, keep });
  const groups: Groups = new Map();
  for (const row of rows) {
    const side = row.period === periods[0] ? 'now' : 'before';
    const f = figuresOf(row);
    for (const p of partsOf.get(row.unitId) ?? []) {
      if (query.groupBy === 'park' || query.groupBy === 'zone') into(groups, p.group.id, p.group.name, side, f, p.sign);
      else into(groups, keep ? row[keep]! : 'all', '', side, f);
    }
  }
  for (const [key, g] of groups) if (g.now.reporters === 0 && g.before.reporters === 0) groups.delete(key);
  return groups;
}

function withUnitPath(units: ReadonlyMap<string, UnitRow>, filter: StatisticsFilter) {
  return { ...filter, unitPath: filter.unitId ? (units.get(filter.unitId)?.path ?? '/none/') : undefined };
}

/** Groups from the reports themselves: per enterprise, or for a chosen set of enterprises. */
async function reportGroups(db: Db, units: ReadonlyMap<string, UnitRow>, viewer: Viewer, query: SummaryQuery, periods: string[]): Promise<Groups> {
  const byEnterprise = query.groupBy === 'enterprise';
  const buckets = await readBuckets(db, viewer, { periods, filter: withUnitPath(units, query), byEnterprise });
  const groups: Groups = new Map();
  for (const b of buckets) {
    const side = b.period === periods[0] ? 'now' : 'before';
    if (byEnterprise) into(groups, b.enterpriseId!, b.enterpriseName!, side, b);
    else if (query.groupBy === 'park' || query.groupBy === 'zone') {
      const [part] = partsByKind(units, [units.get(b.unitId)!], query.groupBy);
      into(groups, part!.group.id, part!.group.name, side, b);
    } else into(groups, query.groupBy === 'base' ? 'all' : query.groupBy === 'scale' ? b.scale : b.industryChain, '', side, b);
  }
  return groups;
}

/**
 * Totals for a period by group, with the same period a year before and 同比. Membership of 规上 is
 * that of each period (a firm counts as 规上 in the periods it was 规上), so 同比 compares the total
 * of this period's 规上 firms with the total of last year's, as the monthly tables add up.
 * Read from the rollup, except for a chosen set of enterprises; per enterprise, the rows are those
 * of the `limit` largest by 主营业务收入 and the total still covers every enterprise.
 */
export async function summarize(db: Db, viewer: Viewer, query: SummaryQuery): Promise<Summary> {
  const units = await unitMap(db);
  const periods = [query.period, samePeriodLastYear(query.period)];
  const read = query.enterpriseIds !== undefined ? reportGroups : rollupGroups;
  let groups: Groups;
  let all = { now: empty(), before: empty() };
  let count: number;
  if (query.groupBy === 'enterprise') {
    // The total from the rollup; the rows only for the largest firms, not all of a province's.
    const whole = await read(db, units, viewer, { ...query, groupBy: 'base' }, periods);
    all = whole.get('all') ?? all;
    count = all.now.reporters;
    const top = count > query.limit ? await topEnterprises(db, viewer, query.period, withUnitPath(units, query), query.limit) : query.enterpriseIds;
    groups = await reportGroups(db, units, viewer, { ...query, enterpriseIds: top }, periods);
  } else {
    groups = await read(db, units, viewer, query, periods);
    for (const g of groups.values()) {
      add(all.now, g.now);
      add(all.before, g.before);
    }
    count = groups.size;
  }
  const totalValues = valuesOf(all.now);
  const rows = [...groups]
    .map(([key, g]) => summaryRow(key, g.name, g.now, g.before, totalValues))
    .sort((a, b) => (b.values.mainRevenue ?? -1) - (a.values.mainRevenue ?? -1) || a.name.localeCompare(b.name, 'zh-CN'));
  return { period: query.period, groupBy: query.groupBy, groups: Math.max(count, rows.length), rows: rows.slice(0, query.limit), total: summaryRow('all', '', all.now, all.before, totalValues) };
}

function periodsBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let m = 2; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const STEP: Record<SeriesQuery['frequency'], number[]> = { month: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], quarter: [3, 6, 9, 12], year: [12] };

async function totalsByPeriod(db: Db, viewer: Viewer, query: SeriesQuery, periods: string[]): Promise<Map<string, Figures>> {
  const units = await unitMap(db);
  const out = new Map<string, Figures>();
  const put = (period: string, f: Figures) => {
    if (!out.has(period)) out.set(period, empty());
    add(out.get(period)!, f);
  };
  if (query.enterpriseIds !== undefined) {
    for (const b of await readBuckets(db, viewer, { periods, filter: withUnitPath(units, query), byEnterprise: false })) put(b.period, b);
    return out;
  }
  const unitIds = scopeUnits(units, viewer, query.unitId).map((u) => u.id);
  for (const row of await readRollup(db, { periods, unitIds, industryChain: query.industryChain, scale: query.scale })) put(row.period, figuresOf(row));
  return out;
}

/**
 * One figure over time: the cumulative value of each period, the value of the month, quarter or
 * year itself (by difference of cumulative values, for flows), 同比 on the cumulative values, and
 * the compound annual growth between the first and last full years.
 */
export async function series(db: Db, viewer: Viewer, query: SeriesQuery): Promise<Series> {
  const from = Math.min(query.from, query.to);
  const to = Math.max(query.from, query.to);
  const byPeriod = await totalsByPeriod(db, viewer, query, periodsBetween(from - 1, to));
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

