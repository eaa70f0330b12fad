import { FIGURE_KEYS, type FigureKey } from '@yuanqu/contracts';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { StatRollupTable } from '../../db/schema';
import { unitMap, type UnitRow } from '../unit/unit.repository';

/**
 * The rollup: counted figures pre-added per period, unit, industry and scale. Each counted report
 * adds to the row of its enterprise's unit and of every ancestor unit, under the scale the
 * enterprise had in that period. Every change of what counts goes through `applyToRollup` in the
 * same transaction; `rebuildRollup` recomputes it from the reports (bulk loads, repairs).
 */

/** What a counted report adds to the rollup, with the attributes of its enterprise. */
export interface Contribution {
  period: string;
  unitId: string;
  industryChain: string;
  scale: string;
  scaleSince: string | null;
  values: Partial<Record<FigureKey, number | null>>;
}

type RollupRow = StatRollupTable;
const nKey = (f: FigureKey) => `${f}N` as const;
const CHUNK = 200;

/** 规上/规下 in a period: before the date the scale last changed, the enterprise was on the other side. */
export function scaleIn(e: { scale: string; scaleSince: string | null }, period: string): string {
  if (e.scaleSince === null || e.scaleSince <= `${period}-31`) return e.scale;
  return e.scale === 'above' ? 'below' : 'above';
}

function ancestors(units: ReadonlyMap<string, UnitRow>, unitId: string): string[] {
  const out: string[] = [];
  for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) out.push(u.id);
  return out;
}

/**
 * A zero row, spelled out as one literal (the type checks every figure is there): built key by key,
 * its 43 properties pushed V8 into dictionary mode, 2 KB a row, 50 MB for a bulk import's rollup.
 */
function emptyRow(period: string, unitId: string, industryChain: string, scale: string): RollupRow {
  return {
    period, unitId, industryChain, scale, reporters: 0,
    mainRevenue: 0, mainRevenueN: 0, operatingRevenue: 0, operatingRevenueN: 0, grossOutput: 0, grossOutputN: 0, valueAdded: 0, valueAddedN: 0,
    totalProfit: 0, totalProfitN: 0, taxPaid: 0, taxPaidN: 0, employeesEnd: 0, employeesEndN: 0, employeesAvg: 0, employeesAvgN: 0,
    rdExpense: 0, rdExpenseN: 0, techInvestment: 0, techInvestmentN: 0, fixedInvestment: 0, fixedInvestmentN: 0, energyKgce: 0, energyKgceN: 0,
    electricityKwh: 0, electricityKwhN: 0, codKg: 0, codKgN: 0, ammoniaKg: 0, ammoniaKgN: 0, so2Kg: 0, so2KgN: 0,
    noxKg: 0, noxKgN: 0, cloudAdopted: 0, cloudAdoptedN: 0, cncRate: 0, cncRateN: 0,
  };
}

/**
 * Adds (sign 1) or takes away (sign -1) the contributions, per rollup row: first summed per
 * enterprise unit, then spread to its ancestors (a bulk import has far fewer units than rows).
 */
function deltas(units: ReadonlyMap<string, UnitRow>, contributions: Iterable<Contribution>, sign: 1 | -1): RollupRow[] {
  const leaves = new Map<string, RollupRow>();
  for (const c of contributions) {
    const scale = scaleIn(c, c.period);
    const key = `${c.period}|${c.unitId}|${c.industryChain}|${scale}`;
    let row = leaves.get(key);
    if (!row) leaves.set(key, (row = emptyRow(c.period, c.unitId, c.industryChain, scale)));
    row.reporters += sign;
    for (const f of FIGURE_KEYS) {
      const v = c.values[f];
      if (v === null || v === undefined) continue;
      row[f] += sign * v;
      row[nKey(f)] += sign;
    }
  }
  const rows = new Map<string, RollupRow>();
  for (const leaf of leaves.values()) {
    for (const unitId of ancestors(units, leaf.unitId)) {
      const key = `${leaf.period}|${unitId}|${leaf.industryChain}|${leaf.scale}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = emptyRow(leaf.period, unitId, leaf.industryChain, leaf.scale)));
      for (const c of COUNTED) row[c] += leaf[c];
    }
  }
  return [...rows.values()];
}

const COUNTED = ['reporters', ...FIGURE_KEYS, ...FIGURE_KEYS.map(nKey)] as const;

async function upsert(trx: Trx, rows: RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('statRollup')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['period', 'unitId', 'industryChain', 'scale']).doUpdateSet((eb) => Object.fromEntries(COUNTED.map((c) => [c, eb(`statRollup.${c}`, '+', eb.ref(`excluded.${c}`))]))),
      )
      .execute();
  }
}

export async function applyToRollup(trx: Trx, contributions: Iterable<Contribution>, sign: 1 | -1): Promise<void> {
  if (Array.isArray(contributions) && contributions.length === 0) return;
  const rows = deltas(await unitMap(trx), contributions, sign);
  if (rows.length > 0) await upsert(trx, rows);
}

/** Counted reports (by id, or of an enterprise and period), as rollup contributions. */
export async function countedContributions(trx: Trx, where: { ids?: string[]; enterpriseId?: string; period?: string }): Promise<Contribution[]> {
  let q = trx
    .selectFrom('statReport as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .selectAll('r')
    .select(['e.unitId', 'e.industryChain', 'e.scale', 'e.scaleSince'])
    .where('r.status', '=', 'approved');
  if (where.ids) q = q.where('r.id', 'in', where.ids.length ? where.ids : ['']);
  if (where.enterpriseId) q = q.where('r.enterpriseId', '=', where.enterpriseId);
  if (where.period) q = q.where('r.period', '=', where.period);
  const rows = await q.execute();
  return rows.map((r) => ({ period: r.period, unitId: r.unitId, industryChain: r.industryChain, scale: r.scale, scaleSince: r.scaleSince, values: r }));
}

/** The enterprise attributes the rollup files counted figures under. */
export const ROLLUP_ATTRIBUTES = ['unitId', 'industryChain', 'scale', 'scaleSince'] as const;

/**
 * Runs an enterprise's update; when it changes where the rollup files the enterprise (unit,
 * industry, scale), its counted figures are taken out under the old attributes and put back
 * under the new ones, in the same transaction.
 */
export async function withFiguresRefiled<T>(trx: Trx, enterpriseId: string, changedFields: readonly string[], update: () => Promise<T>): Promise<T> {
  if (!ROLLUP_ATTRIBUTES.some((a) => changedFields.includes(a))) return update();
  await applyToRollup(trx, await countedContributions(trx, { enterpriseId }), -1);
  const result = await update();
  await applyToRollup(trx, await countedContributions(trx, { enterpriseId }), 1);
  return result;
}

/** Recomputes the whole rollup from the counted reports, one period at a time. */
export async function rebuildRollup(trx: Trx): Promise<void> {
  const units = await unitMap(trx);
  await trx.deleteFrom('statRollup').execute();
  const periods = await trx.selectFrom('statReport').select('period').distinct().where('status', '=', 'approved').execute();
  for (const { period } of periods) {
    let q = trx
      .selectFrom('statReport as r')
      .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
      .select(['e.unitId', 'e.industryChain', 'e.scale', 'e.scaleSince', (eb) => eb.fn.countAll<number>().as('reporters')])
      .where('r.status', '=', 'approved')
      .where('r.period', '=', period)
      .groupBy(['e.unitId', 'e.industryChain', 'e.scale', 'e.scaleSince']);
    for (const f of FIGURE_KEYS) {
      const column = sql.ref(`r.${f}`);
      q = q.select([sql<number>`coalesce(sum(${column}), 0)`.as(f), sql<number>`count(${column})`.as(nKey(f))]);
    }
    const groups = (await q.execute()) as unknown as (Omit<Contribution, 'values' | 'period'> & Record<string, number>)[];
    const rows = new Map<string, RollupRow>();
    for (const g of groups) {
      const scale = scaleIn(g, period);
      for (const unitId of ancestors(units, g.unitId)) {
        const key = `${unitId}|${g.industryChain}|${scale}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = emptyRow(period, unitId, g.industryChain, scale)));
        for (const c of COUNTED) row[c] += Number(g[c]);
      }
    }
    await upsert(trx, [...rows.values()]);
  }
}

/** A rollup read: per period and unit, and per industry or scale only when asked to keep them apart. */
export interface RollupRead {
  periods: string[];
  unitIds: string[];
  industryChain?: string;
  scale?: string;
  keep?: 'industryChain' | 'scale';
}

/** Rollup sums of some periods for some units, added up in the database (a park has a dozen rows a period). */
export async function readRollup(db: Db, q: RollupRead): Promise<(Record<string, unknown> & { period: string; unitId: string; industryChain?: string; scale?: string })[]> {
  if (q.periods.length === 0 || q.unitIds.length === 0) return [];
  const keys = ['period', 'unitId', ...(q.keep ? [q.keep] : [])] as const;
  let query = db
    .selectFrom('statRollup')
    .select(keys)
    .where('period', 'in', q.periods)
    .where('unitId', 'in', q.unitIds)
    .groupBy(keys)
    .having((eb) => eb.fn.sum('reporters'), '>', 0);
  for (const c of COUNTED) query = query.select((eb) => eb.fn.sum(c).as(c));
  if (q.industryChain) query = query.where('industryChain', '=', q.industryChain);
  if (q.scale) query = query.where('scale', '=', q.scale);
  return (await query.execute()) as (Record<string, unknown> & { period: string; unitId: string })[];
}
