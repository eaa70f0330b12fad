import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './evaluation-default';
import { editableSchemeSchema, schemeProblems } from './evaluation-scheme';
import { figuresRead, readsPreviousYear, type EvaluationScheme } from './evaluation';

const edit = (change: (s: EvaluationScheme) => void): EvaluationScheme => {
  const s = structuredClone(DEFAULT_SCHEME);
  change(s);
  return s;
};
/** The first policy with a number (D's 差别电价 for one year). */
const surcharge = DEFAULT_SCHEME.policies.findIndex((p) => p.value !== null);
const paths = (s: EvaluationScheme) => schemeProblems(s).map((p) => [p.path.join('.'), p.message]);

describe('schemeProblems', () => {
  it('finds nothing wrong with the reference scheme, which the editable schema then takes as it is', () => {
    expect(schemeProblems(DEFAULT_SCHEME)).toEqual([]);
    expect(editableSchemeSchema.parse(DEFAULT_SCHEME)).toEqual(DEFAULT_SCHEME);
  });

  it('accepts a custom indicator over amounts the platform holds, e.g. value added per kg of COD', () => {
    const s = edit((s) => s.groups[0]!.indicators.push({ ...s.groups[0]!.indicators[0]!, key: 'valueAddedPerCod', name: '单位 COD 排放增加值', formula: { numerator: 'valueAdded', denominator: ['codKg'] } }));
    expect(schemeProblems(s)).toEqual([]);
  });

  it('refuses formulas over flags or rates, a term counted twice, and a methodology indicator with another formula', () => {
    const s = edit((s) => {
      const base = s.groups[0]!.indicators[0]!;
      s.groups[0]!.indicators.push(
        { ...base, key: 'cloudPerMu', formula: { numerator: 'cloudAdopted', denominator: ['landMu'] } },
        { ...base, key: 'taxPerCnc', formula: { numerator: 'taxPaid', denominator: ['cncRate'] } },
        { ...base, key: 'taxPerTwiceLand', formula: { numerator: 'taxPaid', denominator: ['landMu', 'landMu'] } },
      );
      s.groups[1]!.indicators[1]!.formula = { numerator: 'taxPaid', denominator: ['energyKgce'] };
    });
    expect(paths(s)).toEqual([
      ['groups.0.indicators.6.formula.numerator', 'evaluation.amountFigure'],
      ['groups.0.indicators.7.formula.denominator', 'evaluation.amountFigure'],
      ['groups.0.indicators.8.formula.denominator', 'evaluation.repeatedTerm'],
      ['groups.1.indicators.1.key', 'evaluation.predefinedFormula'],
    ]);
  });

  it('refuses a group no enterprise can reach: 规上 twice, or 规下 from a threshold an earlier 规下 group already covers', () => {
    const s = edit((s) => {
      s.groups.push({ ...s.groups[0]!, key: 'aboveAgain' }, { ...s.groups[1]!, key: 'belowFrom5', membership: { kind: 'belowScale', minLandMu: 5 } });
    });
    expect(paths(s)).toEqual([
      ['groups.2.membership', 'evaluation.unreachableGroup'],
      ['groups.3.membership', 'evaluation.unreachableGroup'],
    ]);
    // A lower threshold after a higher one catches the firms between the two: reachable.
    expect(paths(edit((s) => s.groups.push({ ...s.groups[1]!, key: 'belowFrom1', membership: { kind: 'belowScale', minLandMu: 1 } })))).toEqual([]);
  });

  it('refuses repeated item codes, a removed automatic T reason, and a policy number without its unit', () => {
    const s = edit((s) => {
      s.vetoItems.push({ code: 'safetyAccident', label: '重复' });
      s.exemptReasons = s.exemptReasons.filter((r) => r.code !== 'newInProduction');
      s.policies[surcharge]!.unit = '';
    });
    expect(paths(s)).toEqual([
      ['vetoItems.3.code', 'evaluation.duplicateCode'],
      ['exemptReasons', 'evaluation.automaticReason'],
      [`policies.${surcharge}.unit`, 'evaluation.policyUnit'],
    ]);
    expect(editableSchemeSchema.safeParse(s).error!.issues.map((i) => i.path.join('.'))).toEqual(['vetoItems.3.code', 'exemptReasons', `policies.${surcharge}.unit`]);
  });
});

describe('what a scheme reads', () => {
  it('reads the figures of its indicators only, in the report’s order: the reference 规下 group reads tax and electricity', () => {
    expect(figuresRead([DEFAULT_SCHEME.groups[1]!])).toEqual(['taxPaid', 'electricityKwh']);
    expect(figuresRead(DEFAULT_SCHEME.groups)).toEqual(['mainRevenue', 'valueAdded', 'taxPaid', 'employeesAvg', 'rdExpense', 'energyKgce', 'electricityKwh', 'codKg', 'ammoniaKg', 'so2Kg', 'noxKg']);
  });

  it('reads the previous year only for a benchmark on the previous year’s values', () => {
    expect(DEFAULT_SCHEME.groups.flatMap((g) => g.indicators).some(readsPreviousYear)).toBe(false);
    const s = edit((s) => {
      s.groups[0]!.indicators[0]!.method = { kind: 'ratio', benchmark: { kind: 'scopeMedian', factor: 1, year: 'previousYear' }, cap: null };
    });
    expect(s.groups[0]!.indicators.map(readsPreviousYear)).toEqual([true, false, false, false, false, false]);
  });
});
