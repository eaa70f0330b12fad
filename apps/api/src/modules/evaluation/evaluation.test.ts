import { DEFAULT_SCHEME, evaluationSchemeSchema, type EvaluationScheme, type MissingRule } from '@yuanqu/contracts';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluation';
import { classFloors, explainResult } from './explain';
import { enterprise, ratioIndicator, schemeOf } from '../../test/evaluation';
import { indicatorValue } from './scoring';

const full = { taxPaid: 3_000_000, valueAdded: 12_000_000, energyKgce: 400_000, codKg: 100, ammoniaKg: 20, so2Kg: 50, noxKg: 30, employeesAvg: 80, rdExpense: 600_000, mainRevenue: 20_000_000 };

// 亩均税收 30, 10, 25, 15 (mean 20); 单位能耗增加值 12, 6, —, 9 (mean of those present 9).
const four = [
  enterprise('e1', 10, { taxPaid: 300, valueAdded: 1200, energyKgce: 100 }),
  enterprise('e2', 10, { taxPaid: 100, valueAdded: 600, energyKgce: 100 }),
  enterprise('e3', 20, { taxPaid: 500, valueAdded: 800 }),
  enterprise('e4', 10, { taxPaid: 150, valueAdded: 900, energyKgce: 100 }),
];
const twoIndicators = (missing: MissingRule) => schemeOf([ratioIndicator('taxPerMu', 60), ratioIndicator('valueAddedPerEnergy', 40, missing)]);
const byId = (run: ReturnType<typeof evaluate>, id: string) => run.results.find((r) => r.enterpriseId === id)!;

describe('the default scheme', () => {
  it('is valid data, labelled a reference scheme, with the weights of methodology §1', () => {
    expect(evaluationSchemeSchema.parse(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
    expect(DEFAULT_SCHEME.reference).toBe(true);
    const weights = DEFAULT_SCHEME.groups.map((g) => Object.fromEntries(g.indicators.map((i) => [i.key, i.weight])));
    expect(weights).toEqual([
      { taxPerMu: 30, valueAddedPerMu: 20, valueAddedPerEnergy: 20, valueAddedPerEmission: 10, laborProductivity: 10, rdIntensity: 10 },
      { taxPerMu: 50, taxPerKwh: 50 },
    ]);
    expect(DEFAULT_SCHEME.groups[0]!.indicators.filter((i) => i.missing === 'groupAverage').map((i) => i.key)).toEqual(['valueAddedPerEmission']);
  });

  it('scores a lone enterprise, at the mean of every indicator, exactly 100', () => {
    const run = evaluate(DEFAULT_SCHEME, [enterprise('e1', 12.5, full)]);
    expect(byId(run, 'e1')).toMatchObject({ status: 'ranked', total: 100, rank: 1, class: 'B' });
  });

  it('puts 规下 from 3 亩 in the second group and leaves smaller ones out of scope', () => {
    const small = { taxPaid: 100, electricityKwh: 1000 };
    const run = evaluate(DEFAULT_SCHEME, [enterprise('s1', 3, small, { aboveScale: false }), enterprise('s2', 2.99, small, { aboveScale: false })]);
    expect(byId(run, 's1')).toMatchObject({ groupKey: 'belowScale', status: 'ranked', total: 100 });
    expect(byId(run, 's2')).toMatchObject({ groupKey: null, status: 'outOfScope', class: null, total: null });
  });
});

describe('an enterprise exactly at every benchmark of a ratio scheme', () => {
  it('scores exactly the sum of the weights', () => {
    const atBenchmark: EvaluationScheme = {
      ...DEFAULT_SCHEME,
      groups: DEFAULT_SCHEME.groups.map((g) => ({
        ...g,
        indicators: g.indicators.map((i) => ({ ...i, method: { kind: 'ratio' as const, benchmark: { kind: 'fixed' as const, value: indicatorValue(i.formula, full, 7.3)! }, cap: null } })),
      })),
    };
    const others = [enterprise('e0', 3, { ...full, taxPaid: 1 }), enterprise('e2', 40, { ...full, valueAdded: 1 })];
    const run = evaluate(atBenchmark, [...others, enterprise('e1', 7.3, full)]);
    expect(byId(run, 'e1').total).toBe(100);
    expect(byId(run, 'e1').indicators.map((i) => i.score)).toEqual([30, 20, 20, 10, 10, 10]);
  });
});

describe('missing-data rules (hand-computed)', () => {
  // 亩均税收 scores 60 × v / 20: 90, 30, 75, 45. 单位能耗增加值 40 × v / 9: 53.33, 26.67, —, 40.
  it('zero: the missing indicator scores 0', () => {
    const run = evaluate(twoIndicators('zero'), four);
    expect(byId(run, 'e1').total).toBe(143.333333);
    expect(byId(run, 'e2').total).toBe(56.666667);
    expect(byId(run, 'e3')).toMatchObject({ total: 75, renormalisation: 1 });
    expect(byId(run, 'e3').indicators[1]).toMatchObject({ value: null, benchmark: 9, score: 0, handling: 'zero' });
    expect(byId(run, 'e4').total).toBe(85);
  });

  it('group average: the mean score of those with a value (53.33 + 26.67 + 40) / 3 = 40', () => {
    const e3 = byId(evaluate(twoIndicators('groupAverage'), four), 'e3');
    expect(e3.indicators[1]).toMatchObject({ handling: 'groupAverage' });
    expect(e3.indicators[1]!.score).toBeCloseTo(40, 12);
    expect(e3.total).toBe(115);
  });

  it('exclusion: the other weights renormalised to the total, 75 × 100 / 60 = 125', () => {
    const e3 = byId(evaluate(twoIndicators('exclude'), four), 'e3');
    expect(e3).toMatchObject({ total: 125, renormalisation: 100 / 60 });
    expect(e3.indicators[1]).toMatchObject({ handling: 'excluded', score: 0 });
  });

  it('ranks and classes the group: of 4, A 1, B 1, C 2', () => {
    const run = evaluate(twoIndicators('zero'), four);
    expect(['e1', 'e4', 'e3', 'e2'].map((id) => [byId(run, id).rank, byId(run, id).class])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
      [4, 'C'],
    ]);
  });
});

describe('benchmarks from the previous year', () => {
  it('use the previous year’s land and figures, times k, over those who reported them', () => {
    const scheme = schemeOf([{ ...ratioIndicator('taxPerMu', 60), method: { kind: 'ratio', benchmark: { kind: 'scopeMean', factor: 2, year: 'previousYear' }, cap: 1.2 } }]);
    const run = evaluate(scheme, [
      enterprise('e1', 10, { taxPaid: 300 }, { previousLandMu: 20, previousFigures: { taxPaid: 400 } }),
      enterprise('e2', 10, { taxPaid: 1000 }, { previousFigures: { taxPaid: 200 } }),
      enterprise('e3', 10, { taxPaid: 100 }),
    ]);
    // previous values 400 / 20 = 20 and 200 / 10 = 20: benchmark 2 × 20 = 40.
    expect(byId(run, 'e1').indicators[0]).toMatchObject({ benchmark: 40, score: 45, capped: false });
    expect(byId(run, 'e2').indicators[0]).toMatchObject({ score: 72, capped: true });
    expect(byId(run, 'e3').total).toBe(15);
  });
});

describe('T, veto and adjustments', () => {
  const scheme = twoIndicators('zero');
  const run = evaluate(scheme, [
    ...four,
    enterprise('t1', 1, { taxPaid: 1_000_000 }, { exempt: { reason: 'utility', note: '自来水厂' } }),
    enterprise('v1', 10, { taxPaid: 200, valueAdded: 10_000, energyKgce: 10 }, { vetoes: [{ code: 'safetyAccident', note: null }] }),
  ]);

  it('lists T with its reason, unscored and outside the benchmarks', () => {
    expect(byId(run, 't1')).toMatchObject({ status: 'exempt', class: 'T', exemptReason: 'utility', total: null, rank: null, indicators: [] });
  });

  it('puts a vetoed enterprise in D whatever its score, unranked, counting in the benchmarks', () => {
    // 亩均税收 mean stays (30 + 10 + 25 + 15 + 20) / 5 = 20; the veto's 单位能耗增加值 1000 lifts its mean.
    const v1 = byId(run, 'v1');
    expect(v1).toMatchObject({ status: 'vetoed', class: 'D', rank: null, vetoes: ['safetyAccident'] });
    expect(v1.indicators[0]).toMatchObject({ benchmark: 20, score: 60 });
    expect(v1.total!).toBeGreaterThan(byId(run, 'e1').total!);
    expect(byId(run, 'e1')).toMatchObject({ rank: 1, class: 'A' });
  });

  it('adds 加分 up to the item’s maximum and subtracts 减分', () => {
    const e2 = enterprise('e2', 10, { taxPaid: 100, valueAdded: 600, energyKgce: 100 }, {
      adjustments: [
        { code: 'innovation', points: 5, reason: '省级企业技术中心' },
        { code: 'landLeasedOut', points: 2, reason: '出租给 2 家企业' },
      ],
    });
    const adjusted = byId(evaluate(scheme, [four[0]!, e2, four[2]!, four[3]!]), 'e2');
    expect(adjusted).toMatchObject({ adjustment: 1, total: 57.666667 });
  });

  it('rejects codes the scheme does not define', () => {
    expect(() => evaluate(scheme, [enterprise('x', 1, {}, { vetoes: [{ code: 'unknown', note: null }] })])).toThrow(/unknown/);
    expect(() => evaluate(scheme, [four[0]!, four[0]!])).toThrow(/twice/);
  });
});

describe('ties in a run', () => {
  it('equal totals share the rank and the better class', () => {
    const same = { taxPaid: 500, valueAdded: 1000, energyKgce: 100 };
    const run = evaluate(twoIndicators('zero'), [enterprise('a', 10, same), enterprise('b', 10, same), ...four.slice(1)]);
    // of 5, A holds 1 position; a and b tie for it.
    expect([byId(run, 'a'), byId(run, 'b')].map((r) => [r.rank, r.class])).toEqual([
      [1, 'A'],
      [1, 'A'],
    ]);
    expect(byId(run, 'e4').rank).toBe(3);
  });
});

describe('explanations', () => {
  const scheme = twoIndicators('zero');
  const run = evaluate(scheme, four);
  const explain = (s: typeof scheme, r: typeof run, id: string) => explainResult(s, classFloors(r.results).get('aboveScale'), byId(r, id));

  it('lists the indicators that cost the most points, worst first', () => {
    const e2 = explain(scheme, run, 'e2');
    expect(e2.shortfalls.map((s) => s.key)).toEqual(['taxPerMu', 'valueAddedPerEnergy']);
    expect(e2.shortfalls[0]).toMatchObject({ value: 10, benchmark: 20, score: 30, lost: 30 });
    expect(explain(scheme, run, 'e1').shortfalls).toEqual([]);
  });

  it('gives the total that reaches the next class up: the lowest total in it this run', () => {
    expect(classFloors(run.results).get('aboveScale')).toEqual({ A: 143.333333, B: 85, C: 56.666667 });
    expect(explain(scheme, run, 'e3').nextClass).toEqual({ class: 'B', total: 85, gap: 10 });
    expect(explain(scheme, run, 'e1').nextClass).toBeNull();
  });

  it('by score thresholds, the threshold', () => {
    const byThreshold = { ...scheme, classRule: { kind: 'scoreThresholds' as const, thresholds: { A: 120, B: 80, C: 60 } } };
    const thresholdRun = evaluate(byThreshold, four);
    expect(byId(thresholdRun, 'e3').class).toBe('C');
    expect(explain(byThreshold, thresholdRun, 'e3').nextClass).toEqual({ class: 'B', total: 80, gap: 5 });
  });
});
