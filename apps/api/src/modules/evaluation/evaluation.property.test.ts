import { DEFAULT_SCHEME, type EvaluationInput, type EvaluationScheme, type FigureKey, type Indicator } from '@yuanqu/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enterprise } from '../../test/evaluation';
import { evaluate } from './evaluation';
import { scoreValue } from './scoring';

const FIGURES = ['taxPaid', 'valueAdded', 'energyKgce', 'codKg', 'ammoniaKg', 'so2Kg', 'noxKg', 'employeesAvg', 'rdExpense', 'mainRevenue', 'electricityKwh'] as const;
const figure = fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null, freq: 8 });
const figures = fc.record(Object.fromEntries(FIGURES.map((f) => [f, figure])) as Record<(typeof FIGURES)[number], typeof figure>);

const oneInTen = fc.integer({ min: 0, max: 9 }).map((x) => x === 0);
const member = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  aboveScale: fc.boolean(),
  landMu: fc.option(fc.integer({ min: 1, max: 3000 }).map((tenths) => tenths / 10), { nil: null, freq: 10 }),
  figures,
  previousFigures: figures,
  exempt: oneInTen,
  vetoed: oneInTen,
});
type Member = typeof member extends fc.Arbitrary<infer T> ? T : never;
const population = fc.uniqueArray(member, { minLength: 1, maxLength: 40, selector: (e) => e.id });

const toInputs = (members: Member[]): EvaluationInput[] =>
  members.map((m) =>
    enterprise(m.id, m.landMu, m.figures, {
      aboveScale: m.aboveScale,
      previousFigures: m.previousFigures,
      exempt: m.exempt ? { reason: 'other', note: null } : null,
      vetoes: m.vetoed ? [{ code: 'safetyAccident', note: null }] : [],
    }),
  );

/** The default scheme with the 规上 group scored by min–max and a previous-year median, to cover every rule. */
const mixed: EvaluationScheme = {
  ...DEFAULT_SCHEME,
  groups: DEFAULT_SCHEME.groups.map((g, k) =>
    k === 0
      ? {
          ...g,
          indicators: g.indicators.map((i, n): Indicator =>
            n % 2 === 0 ? { ...i, method: { kind: 'minMax', floor: 0.2 }, missing: 'exclude' } : { ...i, method: { kind: 'ratio', benchmark: { kind: 'scopeMedian', factor: 1.5, year: 'previousYear' }, cap: 3 } },
          ),
        }
      : g,
  ),
};

describe('results are independent of input order', () => {
  it.each([
    ['the default scheme', DEFAULT_SCHEME],
    ['min–max and previous-year medians', mixed],
  ])('%s', (_, scheme) => {
    fc.assert(
      fc.property(
        population.chain((members) => fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length, maxLength: members.length }))),
        ([members, shuffled]) => {
          expect(evaluate(scheme, toInputs(shuffled))).toEqual(evaluate(scheme, toInputs(members)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('scores are monotone in each higher-is-better indicator', () => {
  const basis = { benchmark: 7, min: 0, max: 1000 };
  const methods: Indicator['method'][] = [
    { kind: 'ratio', benchmark: { kind: 'fixed', value: 7 }, cap: null },
    { kind: 'ratio', benchmark: { kind: 'fixed', value: 7 }, cap: 1.5 },
    { kind: 'minMax', floor: 0.2 },
  ];
  const indicator = DEFAULT_SCHEME.groups[0]!.indicators[0]!;

  it('for each method, a higher value never scores less (benchmark, min and max fixed)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...methods), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (method, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const scored = (v: number) => scoreValue({ ...indicator, method }, v, basis)!.score;
        expect(scored(high)).toBeGreaterThanOrEqual(scored(low));
      }),
    );
  });

  it('for the lower-is-better inverse ratio, a lower value never scores less', () => {
    const inverse: Indicator = { ...indicator, direction: 'lower', method: { kind: 'inverseRatio', benchmark: { kind: 'fixed', value: 7 } } };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(scoreValue(inverse, low, basis)!.score).toBeGreaterThanOrEqual(scoreValue(inverse, high, basis)!.score);
      }),
    );
  });

  it('in a run with fixed benchmarks, raising one enterprise’s numerator figure never lowers its total', () => {
    const fixed: EvaluationScheme = {
      ...DEFAULT_SCHEME,
      groups: DEFAULT_SCHEME.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, method: { kind: 'ratio' as const, benchmark: { kind: 'fixed' as const, value: 3 }, cap: null } })) })),
    };
    const numerators: FigureKey[] = ['taxPaid', 'valueAdded', 'rdExpense'];
    fc.assert(
      fc.property(population, fc.nat(), fc.constantFrom(...numerators), fc.integer({ min: 1, max: 10_000_000 }), (members, pick, key, raise) => {
        const inputs = toInputs(members);
        const target = inputs[pick % inputs.length]!;
        const current = target.figures[key];
        if (current == null) return;
        const raised = inputs.map((e) => (e === target ? { ...e, figures: { ...e.figures, [key]: current + raise } } : e));
        const before = evaluate(fixed, inputs).results.find((r) => r.enterpriseId === target.enterpriseId)!;
        const after = evaluate(fixed, raised).results.find((r) => r.enterpriseId === target.enterpriseId)!;
        if (before.total !== null) expect(after.total!).toBeGreaterThanOrEqual(before.total);
      }),
      { numRuns: 300 },
    );
  });
});
