import { cagr, FIGURE_BY_KEY, type FigureKey, type Scale } from '@yuanqu/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import type { StatTargetTable } from '../../db/schema';
import { unitInScope, type Viewer } from '../auth/viewer';
import { enterprisesAtLeast } from '../statistics/aggregate.repository';
import { series } from '../statistics/aggregate.service';

export type TargetRow = Selectable<StatTargetTable>;
type Values = Map<number, number | null>;

const yearsOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Annual (1-12月) values of a figure over the viewer's scope; percentages as fractions. */
async function annual(db: Db, viewer: Viewer, figure: FigureKey, scale: Scale | undefined, from: number, to: number): Promise<Values> {
  const s = await series(db, viewer, { figure, frequency: 'year', from, to, scale, enterpriseIds: undefined });
  const percent = FIGURE_BY_KEY.get(figure)!.unit === 'percent';
  return new Map(s.points.map((p) => [Number(p.period.slice(0, 4)), p.cumulative === null ? null : percent ? p.cumulative / 100 : p.cumulative]));
}

function inScope<T extends { path: string }>(viewer: Viewer, rows: T[]): T[] {
  return rows.filter((r) => unitInScope(viewer, r.path));
}

/** Enterprises that became 规上 after the baseline year, counted up to each year's end. */
async function newAboveScale(db: Db, viewer: Viewer, t: TargetRow, years: number[]): Promise<Values> {
  const rows = await db
    .selectFrom('enterprise')
    .innerJoin('unit', 'unit.id', 'enterprise.unitId')
    .select(['enterprise.scaleSince', 'unit.path'])
    .where('enterprise.scale', '=', 'above')
    .where('enterprise.scaleSince', '>', `${t.baselineYear}-12-31`)
    .execute();
  const since = inScope(viewer, rows).map((r) => r.scaleSince!);
  return new Map(years.map((y) => [y, since.filter((d) => d <= `${y}-12-31`).length]));
}

/** Enterprises granted the qualification after the baseline year, counted up to each year's end. */
async function qualified(db: Db, viewer: Viewer, t: TargetRow, years: number[]): Promise<Values> {
  const rows = await db
    .selectFrom('enterpriseQualification as q')
    .innerJoin('enterprise', 'enterprise.id', 'q.enterpriseId')
    .innerJoin('unit', 'unit.id', 'enterprise.unitId')
    .select(['q.enterpriseId', 'q.grantedOn', 'unit.path'])
    .where('q.type', '=', t.qualification ?? '')
    .where('q.grantedOn', '>', `${t.baselineYear}-12-31`)
    .execute();
  const first = new Map<string, string>();
  for (const r of inScope(viewer, rows)) if (!first.has(r.enterpriseId) || r.grantedOn < first.get(r.enterpriseId)!) first.set(r.enterpriseId, r.grantedOn);
  return new Map(years.map((y) => [y, [...first.values()].filter((d) => d <= `${y}-12-31`).length]));
}

/** Enterprises whose annual figure reached the threshold in a year, having been below it in the baseline year. */
async function newLargeFirms(db: Db, viewer: Viewer, t: TargetRow, years: number[]): Promise<Values> {
  const periods = [t.baselineYear, ...years].map((y) => `${y}-12`);
  const large = await enterprisesAtLeast(db, viewer, t.figure as FigureKey, t.threshold ?? 0, periods);
  const already = new Set(large.filter((r) => r.period === `${t.baselineYear}-12`).map((r) => r.id));
  return new Map(years.map((y) => [y, large.filter((r) => r.period === `${y}-12` && !already.has(r.id)).length]));
}

/** Floor area of standard factory buildings completed in each year, ㎡. */
async function factoryArea(db: Db, viewer: Viewer, years: number[]): Promise<Values> {
  const rows = await db
    .selectFrom('standardFactory as f')
    .innerJoin('unit', 'unit.id', 'f.unitId')
    .select(['f.completedOn', 'f.floorAreaSqm', 'unit.path'])
    .where('f.completedOn', '>=', `${years[0]}-01-01`)
    .where('f.completedOn', '<=', `${years[years.length - 1]}-12-31`)
    .execute();
  const built = inScope(viewer, rows);
  return new Map(years.map((y) => [y, built.filter((r) => r.completedOn!.startsWith(`${y}-`)).reduce((s, r) => s + r.floorAreaSqm, 0)]));
}

/** The target's measured value at each year's end from its baseline year to `asOfYear`. */
export async function measureTarget(db: Db, viewer: Viewer, t: TargetRow, asOfYear: number): Promise<Values> {
  const years = yearsOf(t.baselineYear, Math.max(t.baselineYear, asOfYear));
  const scale = (t.scale ?? undefined) as Scale | undefined;
  switch (t.metric) {
    case 'sum':
    case 'share':
    case 'mean':
      return annual(db, viewer, t.figure as FigureKey, scale, years[0]!, years[years.length - 1]!);
    case 'growth': {
      const totals = await annual(db, viewer, t.figure as FigureKey, scale, years[0]!, years[years.length - 1]!);
      const base = totals.get(t.baselineYear) ?? null;
      return new Map(years.map((y) => [y, y === t.baselineYear ? null : cagr(base, totals.get(y), y - t.baselineYear)]));
    }
    case 'newAboveScale':
      return newAboveScale(db, viewer, t, years);
    case 'newLargeFirms':
      return newLargeFirms(db, viewer, t, years);
    case 'qualifications':
      return qualified(db, viewer, t, years);
    case 'factoryArea':
      return factoryArea(db, viewer, years);
    default:
      return new Map(years.map((y) => [y, null]));
  }
}
