import { FIGURE_KEYS, type EvaluationInput, type FigureKey } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { unitInScope, type Viewer } from '../auth/viewer';
import { landOfMany } from '../land/parcel.repository';
import { landArea } from '../land/parcel.service';
import { scaleIn } from '../statistics/rollup';

/** GB/T 4754-2017 电力热力 (44), 燃气 (45), 水 (46) and 环境卫生管理 (7820, refuse): evaluated as T (methodology §1). */
const UTILITY_PREFIXES = ['44', '45', '46', '7820'];

export interface GatheredEnterprise {
  input: EvaluationInput;
  name: string;
  /** The figures the year's approved 1-12月 report lacks (or no report at all: every figure). */
  missing: FigureKey[];
}

type Figures = Partial<Record<FigureKey, number | null>>;

async function decemberFigures(db: Db, ids: string[], year: number): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('statReport').selectAll().where('status', '=', 'approved').where('period', '=', `${year}-12`).where('enterpriseId', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.enterpriseId, Object.fromEntries(FIGURE_KEYS.map((k) => [k, r[k] === null ? null : Number(r[k])])) as Figures);
  }
  return out;
}

/**
 * Each active industrial enterprise in the viewer's scope with what the evaluation of `year`
 * reads (methodology §1): its approved 1-12月 figures of the year and the year before, its land
 * (own + leased in − leased out) on 31 December of each, 规上 as it stood in December, and T
 * for utilities and for enterprises established less than two years before the year's end.
 */
export async function gatherInputs(db: Db, viewer: Pick<Viewer, 'unitPaths'>, year: number): Promise<GatheredEnterprise[]> {
  const rows = await db
    .selectFrom('enterprise as e')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['e.id', 'e.name', 'e.scale', 'e.scaleSince', 'e.industryCode', 'e.establishedOn', 'u.path'])
    .where('e.category', '=', 'industrial')
    .where('e.status', '=', 'active')
    .orderBy('e.id')
    .execute();
  const firms = rows.filter((r) => unitInScope(viewer, r.path));
  const ids = firms.map((f) => f.id);
  const [now, before] = [await decemberFigures(db, ids, year), await decemberFigures(db, ids, year - 1)];
  const lands = await landOfMany(db, ids);
  const out: GatheredEnterprise[] = [];
  for (const f of firms) {
    const land = landArea(f.id, lands.get(f.id)!, `${year}-12-31`);
    const previousLand = landArea(f.id, lands.get(f.id)!, `${year - 1}-12-31`);
    const figures = now.get(f.id) ?? {};
    const utility = UTILITY_PREFIXES.some((p) => f.industryCode.startsWith(p));
    const young = f.establishedOn !== null && f.establishedOn > `${year - 2}-12-31`;
    out.push({
      name: f.name,
      missing: FIGURE_KEYS.filter((k) => figures[k] === null || figures[k] === undefined),
      input: {
        enterpriseId: f.id,
        aboveScale: scaleIn(f, `${year}-12`) === 'above',
        groupKey: null,
        landMu: land.totalSqm > 0 ? land.totalMu : null,
        previousLandMu: previousLand.totalSqm > 0 ? previousLand.totalMu : null,
        figures,
        previousFigures: before.get(f.id) ?? {},
        exempt: utility ? { reason: 'utility', note: f.industryCode } : young ? { reason: 'newInProduction', note: f.establishedOn } : null,
        vetoes: [],
        adjustments: [],
      },
    });
  }
  return out;
}
