import { completeUscc, ENTERPRISE_CATEGORIES, INDUSTRY_CHAINS, USCC_CHARSET } from '@yuanqu/contracts';
import { sql } from 'kysely';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { insertRows } from '../db/dialect';
import type { EnterpriseTable } from '../db/schema';
import type { Clock } from '../lib/clock';
import { newId } from '../lib/ids';
import { appendAudit } from '../modules/audit/audit.repository';
import { auditEvent, systemContext } from '../modules/audit/audit.context';
import { insertUnits } from '../modules/unit/unit.repository';
import { unitRows } from '../demo/seed';
import { withDatabase } from './context';
import { generateFigures } from './generate-figures';
import { generateLand } from './generate-land';
import { rebuildRollup } from '../modules/statistics/rollup';

const ZONES = ['数字经济功能区', '商贸物流功能区', '石油化工功能区', '高端制造功能区'];
const CODES = ['3985', '3311', '2614', '3599', '5990', '3471', '2929', '3039', '3821', '7530'];
/** 电力 (4411), 热力 (4430), 燃气 (4500), 水 (4610): the utilities the 亩产效益 evaluation lists as T. */
const UTILITY_CODES = ['4411', '4430', '4500', '4610'];

/** A deterministic generator so two runs build the same dataset. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateSize {
  parks: number;
  enterprises: number;
  years: number;
  /** Every enterprise industrial (the 亩产效益 population) instead of a mix of categories. */
  industrial?: boolean;
  /** Parcels and leases for the enterprises (generate-land.ts). */
  land?: boolean;
}

/**
 * Synthetic province: one root, `parks` parks of four zones each, `enterprises` spread across the
 * zones (3 % utilities; founded 2000 to last year), `years` whole years of monthly figures for
 * each (the years before the current one), and with `land` their parcels and leases.
 */
export async function runGenerate(config: Config, size: GenerateSize, clock: Clock): Promise<number> {
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    const started = Date.now();
    const now = clock.now().toISOString();
    const rand = rng(20261126);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const tag = `GEN${Date.now().toString(36).toUpperCase()}`;
    const spec: { code: string; parentCode: string | null; kind: string; name: string }[] = [{ code: tag, parentCode: null, kind: 'district', name: '合成省级数据集' }];
    for (let p = 1; p <= size.parks; p++) {
      spec.push({ code: `${tag}-P${p}`, parentCode: tag, kind: 'park', name: `合成园区${p}` });
      ZONES.forEach((z, i) => spec.push({ code: `${tag}-P${p}-Z${i}`, parentCode: `${tag}-P${p}`, kind: 'zone', name: `合成园区${p}${z}` }));
    }
    const units = unitRows(spec, now);
    const zones = units.filter((u) => u.kind === 'zone');
    const thisYear = Number(now.slice(0, 4));
    const seen = new Set<string>();
    const rows: EnterpriseTable[] = [];
    while (rows.length < size.enterprises) {
      let body = '';
      for (let i = 0; i < 8; i++) body += USCC_CHARSET[Math.floor(rand() * 31)];
      const uscc = completeUscc(`9136${String(100 + Math.floor(rand() * 900)).padStart(4, '0')}${body}`.slice(0, 16));
      if (seen.has(uscc)) continue;
      seen.add(uscc);
      const n = rows.length + 1;
      rows.push({
        id: newId(),
        uscc,
        name: `合成企业${String(n).padStart(6, '0')}有限公司`,
        legalRepresentative: null,
        address: null,
        unitId: pick(zones).id,
        industryChain: pick(INDUSTRY_CHAINS),
        industryCode: rand() < 0.03 ? pick(UTILITY_CODES) : pick(CODES),
        category: size.industrial ? 'industrial' : pick(ENTERPRISE_CATEGORIES),
        scale: rand() < 0.3 ? 'above' : 'below',
        scaleSince: null,
        establishedOn: `${2000 + Math.floor(rand() * (thisYear - 2000))}-0${1 + Math.floor(rand() * 9)}-15`,
        twoHigh: rand() < 0.05 ? 1 : 0,
        nearYangtze: rand() < 0.05 ? 1 : 0,
        cloudAdopted: rand() < 0.6 ? 1 : 0,
        cncRate: Math.round(rand() * 1000) / 10,
        contactName: null,
        contactPhone: null,
        description: '（合成数据）',
        status: 'active',
        isDemo: 1,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
    const years = Array.from({ length: size.years }, (_, i) => thisYear - size.years + i);
    const reports = await db.transaction().execute(async (trx) => {
      await insertUnits(trx, units);
      await insertRows(trx, 'enterprise', rows);
      const written = await generateFigures(trx, rows, years, rand, now);
      const land = size.land ? await generateLand(trx, rows, rand, tag, now) : null;
      await rebuildRollup(trx);
      await appendAudit(trx, [auditEvent(systemContext(clock), 'data.generate', { actorName: 'cli', detail: { root: tag, parks: size.parks, enterprises: rows.length, reports: written, ...land } })]);
      return { written, land };
    });
    // Fresh statistics, so the planner uses the indexes at once (PostgreSQL's autovacuum would take a minute).
    await sql`analyze`.execute(db);
    const figures = reports.written ? ` with ${reports.written} monthly reports (${years.join(', ')})` : '';
    const land = reports.land ? `, ${reports.land.parcels} parcels and ${reports.land.leases} leases` : '';
    console.log(`generated ${size.parks} parks (${units.length} units) and ${rows.length} enterprises${figures}${land} under ${tag} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  });
}
