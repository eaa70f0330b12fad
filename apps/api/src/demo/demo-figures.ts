/**
 * Monthly figures for the demo base, 2021 to the last closed month, generated deterministically.
 *
 * The 2022 annual totals are the plan's published figures, exactly (二(一)): 主营业务收入 64.35亿元
 * (同比 +9.5 %, so 2021 = 64.35 / 1.095), 工业总产值 113.7亿元 (+12.5 %), of which 规上 主营 62.93亿元 and
 * 规上 产值 59.8亿元, 实缴税金 1.23亿元. Note what those figures imply: the base's 规下 firms produced
 * 53.9亿元 of output on 1.42亿元 of revenue. The demo reproduces the published totals as they stand
 * and keeps each firm's output/revenue ratio in later years, so 规下 output stays that high.
 * Everything else (each firm's share, other years, other figures) is invented and plausible.
 */
import { FIGURE_KEYS, formatPeriod, type EnterpriseCategory, type FigureKey, type IndustryChain, type Scale } from '@yuanqu/contracts';

export interface DemoFirm {
  id: string;
  uscc: string;
  category: EnterpriseCategory;
  industryChain: IndustryChain;
  scale: Scale;
  scaleSince: string | null;
  establishedOn: string | null;
  cloudAdopted: boolean;
  cncRate: number | null;
}

export interface DemoFigureRow {
  enterpriseId: string;
  period: string;
  values: Partial<Record<FigureKey, number>>;
}

export const PLAN_2022 = {
  mainRevenue: 6_435_000_000,
  mainRevenueAbove: 6_293_000_000,
  grossOutput: 11_370_000_000,
  grossOutputAbove: 5_980_000_000,
  taxPaid: 123_000_000,
  mainRevenueGrowth: 0.095,
  grossOutputGrowth: 0.125,
} as const;

/** Base growth of 主营业务收入 after 2022, by year. */
const GROWTH: Record<number, number> = { 2023: 0.15, 2024: 0.16, 2025: 0.17, 2026: 0.12, 2027: 0.1 };
/** Share of a year's activity in each month; January and February are lighter (the Spring Festival). */
const SEASON = [0.06, 0.062, 0.085, 0.083, 0.085, 0.09, 0.082, 0.083, 0.087, 0.083, 0.087, 0.113];
/** Energy intensity (kgce per 元 of revenue) and emissions (kg per 万元) by industry. */
const INTENSITY: Record<IndustryChain, { kgce: number; cod: number; nh3: number; so2: number; nox: number }> = {
  petrochemical: { kgce: 0.05, cod: 0.05, nh3: 0.005, so2: 0.08, nox: 0.1 },
  newMaterials: { kgce: 0.03, cod: 0.02, nh3: 0.002, so2: 0.05, nox: 0.06 },
  equipment: { kgce: 0.006, cod: 0.005, nh3: 0.0005, so2: 0.005, nox: 0.01 },
  digital: { kgce: 0.004, cod: 0.003, nh3: 0.0003, so2: 0.001, nox: 0.002 },
  logistics: { kgce: 0.003, cod: 0.002, nh3: 0.0002, so2: 0.002, nox: 0.01 },
  techService: { kgce: 0.002, cod: 0.001, nh3: 0.0001, so2: 0.0005, nox: 0.001 },
};

/** A small deterministic generator (mulberry32) seeded from the firm's USCC. */
function random(seed: string): () => number {
  let a = [...seed].reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0), 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integers proportional to the weights that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

/** The first month (1–12) of `year` the firm was in business, or null if it had not started. */
function firstMonth(f: DemoFirm, year: number): number | null {
  if (!f.establishedOn) return 1;
  const y = Number(f.establishedOn.slice(0, 4));
  if (y < year) return 1;
  if (y > year) return null;
  const m = Number(f.establishedOn.slice(5, 7)) + 1;
  return m <= 12 ? m : null;
}

const aboveIn = (f: DemoFirm, date: string) => (f.scaleSince === null || f.scaleSince <= date ? f.scale === 'above' : f.scale !== 'above');

interface Profile {
  firm: DemoFirm;
  rng: () => number;
  /** Annual 主营业务收入 by year. */
  revenue: Map<number, number>;
  outputRatio: number;
  taxRatio: number;
  output: Map<number, number>;
  tax: Map<number, number>;
}

/** Each firm's annual revenue, output and tax, with 2021 and 2022 fitted to the plan's totals. */
function profiles(firms: DemoFirm[], lastYear: number): Profile[] {
  const ps: Profile[] = firms.map((firm) => ({ firm, rng: random(firm.uscc), revenue: new Map(), outputRatio: 0, taxRatio: 0, output: new Map(), tax: new Map() }));
  const active = (p: Profile, y: number) => firstMonth(p.firm, y) !== null;
  const span = (p: Profile, y: number) => (13 - (firstMonth(p.firm, y) ?? 13)) / 12;
  const in2022 = ps.filter((p) => active(p, 2022));
  const above = in2022.filter((p) => aboveIn(p.firm, '2022-12-31'));
  const below = in2022.filter((p) => !above.includes(p));
  const industrial = (p: Profile) => p.firm.category === 'industrial';
  const fit = (group: Profile[], total: number, weight: (p: Profile) => number, set: (p: Profile, v: number) => void) =>
    apportion(total, group.map(weight)).forEach((v, i) => set(group[i]!, v));

  fit(above, PLAN_2022.mainRevenueAbove, (p) => (0.3 + p.rng() * 2.4) * span(p, 2022), (p, v) => p.revenue.set(2022, v));
  fit(below, PLAN_2022.mainRevenue - PLAN_2022.mainRevenueAbove, (p) => (0.3 + p.rng() * 1.4) * span(p, 2022), (p, v) => p.revenue.set(2022, v));
  fit(above.filter(industrial), PLAN_2022.grossOutputAbove, (p) => p.revenue.get(2022)! * (0.8 + p.rng() * 0.3), (p, v) => p.output.set(2022, v));
  fit(below.filter(industrial), PLAN_2022.grossOutput - PLAN_2022.grossOutputAbove, (p) => p.revenue.get(2022)! * (0.7 + p.rng() * 0.6), (p, v) => p.output.set(2022, v));
  fit(in2022, PLAN_2022.taxPaid, (p) => p.revenue.get(2022)! * (0.01 + p.rng() * 0.025), (p, v) => p.tax.set(2022, v));

  const in2021 = ps.filter((p) => active(p, 2021) && p.revenue.has(2022));
  const growth2021 = new Map(in2021.map((p) => [p, PLAN_2022.mainRevenueGrowth + (p.rng() - 0.5) * 0.16]));
  const revenue2021 = Math.round(PLAN_2022.mainRevenue / (1 + PLAN_2022.mainRevenueGrowth));
  const output2021 = Math.round(PLAN_2022.grossOutput / (1 + PLAN_2022.grossOutputGrowth));
  fit(in2021, revenue2021, (p) => (p.revenue.get(2022)! / (1 + growth2021.get(p)!)) * (span(p, 2021) / span(p, 2022)), (p, v) => p.revenue.set(2021, v));
  fit(in2021.filter(industrial), output2021, (p) => p.output.get(2022)! * (p.revenue.get(2021)! / p.revenue.get(2022)!), (p, v) => p.output.set(2021, v));

  for (const p of ps) {
    const r = p.revenue.get(2022);
    if (r === undefined) continue;
    p.outputRatio = (p.output.get(2022) ?? 0) / r;
    p.taxRatio = p.tax.get(2022)! / r;
    if (p.revenue.has(2021)) p.tax.set(2021, Math.round(p.revenue.get(2021)! * p.taxRatio * (0.9 + p.rng() * 0.2)));
    for (let y = 2023; y <= lastYear; y++) {
      const v = Math.round(p.revenue.get(y - 1)! * (1 + (GROWTH[y] ?? 0.1) + (p.rng() - 0.5) * 0.12));
      p.revenue.set(y, v);
      if (p.outputRatio > 0) p.output.set(y, Math.round(v * p.outputRatio));
      p.tax.set(y, Math.round(v * p.taxRatio * (0.9 + p.rng() * 0.2)));
    }
  }
  return ps;
}

/** The cumulative share of the year's annual value by the end of `month`, for a firm starting in `start`. */
function cumulativeShare(start: number, month: number): number {
  const within = (from: number, to: number) => SEASON.slice(from - 1, to).reduce((s, w) => s + w, 0);
  return month >= 12 ? 1 : within(start, month) / within(start, 12);
}

/** One firm-year's annual values of every figure (before spreading over the months). */
function annualValues(p: Profile, year: number): Partial<Record<FigureKey, number>> {
  const revenue = p.revenue.get(year)!;
  const f = p.firm;
  const k = INTENSITY[f.industryChain];
  const isAbove = aboveIn(f, `${year}-12-31`);
  const grown = year - 2021;
  const energy = Math.round(revenue * k.kgce * (0.85 + p.rng() * 0.3) * 0.97 ** grown);
  const perWan = revenue / 10_000;
  const out: Partial<Record<FigureKey, number>> = {
    mainRevenue: revenue,
    operatingRevenue: Math.round(revenue * (1.02 + p.rng() * 0.06)),
    totalProfit: Math.round(revenue * (-0.01 + p.rng() * 0.08)),
    taxPaid: p.tax.get(year) ?? Math.round(revenue * 0.02),
    rdExpense: Math.round(revenue * (isAbove ? 0.012 : 0.004) * 1.18 ** grown * (0.9 + p.rng() * 0.2)),
    techInvestment: Math.round(revenue * (isAbove ? 0.02 : 0.005) * 1.28 ** grown * (0.7 + p.rng() * 0.6)),
    energyKgce: energy,
    electricityKwh: Math.round((energy * (0.35 + p.rng() * 0.4)) / 0.1229),
    codKg: Math.round(perWan * k.cod),
    ammoniaKg: Math.round(perWan * k.nh3),
    so2Kg: Math.round(perWan * k.so2),
    noxKg: Math.round(perWan * k.nox),
  };
  out.fixedInvestment = Math.round(out.techInvestment! * (1.5 + p.rng() * 1.5));
  if (f.category === 'industrial') {
    out.grossOutput = p.output.get(year) ?? Math.round(revenue * p.outputRatio);
    out.valueAdded = Math.round(out.grossOutput * (0.22 + p.rng() * 0.1));
  }
  return out;
}

/** Year-end states, reported with 1-12月: 上云 from the year the firm adopted it, the CNC rate climbing to today's. */
function yearEndStates(p: Profile, year: number): Partial<Record<FigureKey, number>> {
  const adopted = p.firm.cloudAdopted && year >= 2021 + Math.floor(random(`${p.firm.uscc}cloud`)() * 4);
  const out: Partial<Record<FigureKey, number>> = { cloudAdopted: adopted ? 1 : 0 };
  if (p.firm.cncRate !== null) out.cncRate = Math.max(0, Math.round((p.firm.cncRate - 3 * (2025 - Math.min(year, 2025))) * 10) / 10);
  return out;
}

/**
 * Every period's cumulative figures from 2021 to `lastPeriod` (`YYYY-MM`), for each firm in
 * business then. Flows spread by the seasonal profile and equal the annual value at 1-12月.
 */
export function demoFigures(firms: DemoFirm[], lastPeriod: string): DemoFigureRow[] {
  const lastYear = Number(lastPeriod.slice(0, 4));
  const rows: DemoFigureRow[] = [];
  for (const p of profiles(firms, lastYear)) {
    for (let year = 2021; year <= lastYear; year++) {
      const start = firstMonth(p.firm, year);
      if (start === null || !p.revenue.has(year)) continue;
      const annual = annualValues(p, year);
      const headcount = Math.max(8, Math.round(p.revenue.get(year)! / (aboveIn(p.firm, `${year}-12-31`) ? 1_500_000 : 600_000)));
      for (let month = Math.max(2, start); month <= 12; month++) {
        const period = formatPeriod({ year, month });
        if (period > lastPeriod) break;
        const share = cumulativeShare(start, month);
        const values: Partial<Record<FigureKey, number>> = {};
        for (const key of FIGURE_KEYS) if (annual[key] !== undefined) values[key] = Math.round(annual[key]! * share);
        values.employeesEnd = Math.round(headcount * (0.97 + 0.06 * p.rng()));
        values.employeesAvg = Math.round(headcount * 0.98);
        if (month === 12) Object.assign(values, yearEndStates(p, year));
        rows.push({ enterpriseId: p.firm.id, period, values });
      }
    }
  }
  return rows;
}
