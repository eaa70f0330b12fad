import { FIGURE_KEYS, figuresRead, readsPreviousYear, type EvaluationInput, type EvaluationScheme, type FigureKey } from '@yuanqu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { jsonObject, jsonValue, snake } from '../../db/dialect';
import { unitInScope, type Viewer } from '../auth/viewer';
import { landOfMany, type LandRows } from '../land/parcel.repository';
import { landArea } from '../land/parcel.service';
import { scaleIn } from '../statistics/rollup';
import { step, type ProgressSink } from './progress';

/** GB/T 4754-2017 电力热力 (44), 燃气 (45), 水 (46) and 环境卫生管理 (7820, refuse): evaluated as T (methodology §1). */
const UTILITY_PREFIXES = ['44', '45', '46', '7820'];

export interface GatheredEnterprise {
  input: EvaluationInput;
  name: string;
  /** The figures the scheme reads that the year's approved 1-12月 report lacks (no report at all: every figure). */
  missing: FigureKey[];
}

type Figures = Partial<Record<FigureKey, number | null>>;

/** What a scheme reads of each enterprise: figures of the year, and of the year before only for previous-year benchmarks. */
export interface SchemeReads {
  year: FigureKey[];
  previousYear: FigureKey[];
}

export const schemeReads = (scheme: EvaluationScheme): SchemeReads => ({
  year: figuresRead(scheme.groups),
  previousYear: figuresRead(scheme.groups.map((g) => ({ indicators: g.indicators.filter(readsPreviousYear) }))),
});

/** Enterprises per chunk: each chunk is one figures query (ids + 2 parameters, far under SQLite's 32,766) and its land. */
export const GATHER_CHUNK = 2000;

/**
 * The approved 1-12月 figures the scheme reads, of `year` and (for previous-year benchmarks) of the
 * year before, for a chunk of enterprises, in one query. The database hands each report's figures
 * over as one JSON object: with 100,000 reports, making a property per column in the driver and
 * re-keying them for the CamelCasePlugin cost more than reading them.
 */
async function decemberFigures(db: Db, ids: readonly string[], year: number, reads: SchemeReads): Promise<{ now: Map<string, Figures>; before: Map<string, Figures> }> {
  const [december, previous] = [`${year}-12`, `${year - 1}-12`];
  const periods = reads.previousYear.length > 0 ? [december, previous] : [december];
  const columns = FIGURE_KEYS.filter((k) => reads.year.includes(k) || reads.previousYear.includes(k)).map((key) => [key, snake(key)] as const);
  const { rows } = await sql<{ enterprise_id: string; period: string; figures: unknown }>`
    select enterprise_id, period, ${jsonObject(db, columns)} as figures
    from stat_report
    where status = 'approved' and period in (${sql.join(periods)}) and enterprise_id in (${sql.join(ids)})`.execute(db.withoutPlugins());
  const out = { now: new Map<string, Figures>(), before: new Map<string, Figures>() };
  for (const r of rows) (r.period === december ? out.now : out.before).set(r.enterprise_id, jsonValue<Figures>(r.figures));
  return out;
}

/** Chunks being read while one is assembled: on PostgreSQL each takes two of the pool's connections. */
const READ_AHEAD = 3;

/** A chunk's figures and land; the rejection, if any, is handled where the chunk is awaited. */
function readChunk(db: Db, ids: readonly string[], year: number, reads: SchemeReads) {
  const reading = Promise.all([decemberFigures(db, ids, year, reads), landOfMany(db, ids)]);
  reading.catch(() => undefined);
  return reading;
}

/**
 * Each active industrial enterprise in the viewer's scope with what the scheme's evaluation of
 * `year` reads (methodology §1): the figures its indicators read from the approved 1-12月 report
 * (an unreported figure left out), its land (own + leased in − leased out) on 31 December, the
 * same of the year before when a benchmark reads the previous year, 规上 as it stood in December,
 * and T for utilities and for enterprises established less than two years before the year's end.
 * Read in chunks of GATHER_CHUNK enterprises, each reported to `progress`; on PostgreSQL the
 * next chunks are read while this one is assembled.
 */
export async function gatherInputs(db: Db, viewer: Pick<Viewer, 'unitPaths'>, year: number, scheme: EvaluationScheme, progress?: ProgressSink): Promise<GatheredEnterprise[]> {
  const reads = schemeReads(scheme);
  const rows = await db
    .selectFrom('enterprise as e')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['e.id', 'e.name', 'e.scale', 'e.scaleSince', 'e.industryCode', 'e.establishedOn', 'u.path'])
    .where('e.category', '=', 'industrial')
    .where('e.status', '=', 'active')
    .orderBy('e.id')
    .execute();
  const firms = rows.filter((r) => unitInScope(viewer, r.path));
  const chunks: Firm[][] = [];
  for (let i = 0; i < firms.length; i += GATHER_CHUNK) chunks.push(firms.slice(i, i + GATHER_CHUNK));
  const out: GatheredEnterprise[] = [];
  await step(progress, 'gathering', 0, firms.length);
  const reading = chunks.slice(0, READ_AHEAD).map((c) => readChunk(db, c.map((f) => f.id), year, reads));
  for (let k = 0; k < chunks.length; k++) {
    const [{ now, before }, lands] = await reading[k]!;
    if (k + READ_AHEAD < chunks.length) reading.push(readChunk(db, chunks[k + READ_AHEAD]!.map((f) => f.id), year, reads));
    for (const f of chunks[k]!) out.push(gathered(f, year, reads, now.get(f.id), before.get(f.id), lands.get(f.id)!));
    await step(progress, 'gathering', out.length, firms.length);
  }
  return out;
}

type Firm = { id: string; name: string; scale: string; scaleSince: string | null; industryCode: string; establishedOn: string | null };

/** The figures of `keys` a report holds (unreported ones left out) and those it lacks; no report lacks every figure. */
function kept(report: Figures | undefined, keys: readonly FigureKey[]): { figures: Figures; missing: FigureKey[] } {
  if (!report) return { figures: {}, missing: [...FIGURE_KEYS] };
  const figures: Figures = {};
  const missing: FigureKey[] = [];
  for (const k of keys) {
    const v = report[k];
    if (v === null || v === undefined) missing.push(k);
    else figures[k] = v;
  }
  return { figures, missing };
}

function gathered(f: Firm, year: number, reads: SchemeReads, report: Figures | undefined, previousReport: Figures | undefined, land: LandRows): GatheredEnterprise {
  const area = landArea(f.id, land, `${year}-12-31`);
  const previousArea = reads.previousYear.length > 0 ? landArea(f.id, land, `${year - 1}-12-31`) : null;
  const utility = UTILITY_PREFIXES.some((p) => f.industryCode.startsWith(p));
  const young = f.establishedOn !== null && f.establishedOn > `${year - 2}-12-31`;
  const { figures, missing } = kept(report, reads.year);
  return {
    name: f.name,
    missing,
    input: {
      enterpriseId: f.id,
      aboveScale: scaleIn(f, `${year}-12`) === 'above',
      groupKey: null,
      landMu: area.totalSqm > 0 ? area.totalMu : null,
      previousLandMu: previousArea && previousArea.totalSqm > 0 ? previousArea.totalMu : null,
      figures,
      previousFigures: previousReport ? kept(previousReport, reads.previousYear).figures : {},
      exempt: utility ? { reason: 'utility', note: f.industryCode } : young ? { reason: 'newInProduction', note: f.establishedOn } : null,
      vetoes: [],
      adjustments: [],
    },
  };
}
