import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type EvaluationScheme } from '@yuanqu/contracts';
import { t, te } from '../../i18n';
import { changedSections, freeCode, missingPredefined, newIndicator, placeOf, serverErrors, validateScheme, weightSum } from './scheme-edit';

const copy = (): EvaluationScheme => structuredClone(DEFAULT_SCHEME);

describe('editing a scheme', () => {
  it('adds up a group’s weights as they are typed, an emptied field counting as nothing', () => {
    const s = copy();
    expect(s.groups.map(weightSum)).toEqual([100, 100]);
    s.groups[0]!.indicators[0]!.weight = 35.5;
    s.groups[0]!.indicators[1]!.weight = null as unknown as number;
    expect(weightSum(s.groups[0]!)).toBe(85.5);
  });

  it('names each problem by its place in the scheme, in words', () => {
    const s = copy();
    s.groups[0]!.indicators[1]!.weight = 0;
    s.classRule = { kind: 'rankShares', shares: { A: 30, B: 40, C: 35, D: 5 } };
    const surcharge = s.policies.findIndex((p) => p.value !== null);
    s.policies[surcharge]!.unit = null;
    const errors = validateScheme(s, t);
    expect(errors).toEqual({
      'groups.0.indicators.1.weight': '须大于 0',
      'classRule.shares': 'A、B、C、D 四类比例合计须为 100%',
      [`policies.${surcharge}.unit`]: '填写了数值，请填写单位',
    });
    expect(Object.keys(errors).map((path) => placeOf(path, s, t, te))).toEqual(['规上工业企业 · 亩均增加值 · 权重', '分类规则 · 比例', `差别化政策第 ${surcharge + 1} 项 · 单位`]);
    expect(validateScheme(DEFAULT_SCHEME, t)).toEqual({});
  });

  it('reads the server’s problems with the paths of the form', () => {
    const details = { issues: [{ in: 'body', path: 'scheme.exemptReasons', message: 'evaluation.automaticReason' }] };
    expect(serverErrors(details, t)).toEqual({ exemptReasons: '不能删除平台自动判定的 T 类原因（公用事业、投产未满 2 年）' });
  });

  it('gives new items and custom indicators codes not yet taken, and offers the methodology indicators a group lacks', () => {
    expect(freeCode('custom', ['custom1', 'custom3'])).toBe('custom2');
    const below = DEFAULT_SCHEME.groups[1]!;
    expect(missingPredefined(below)).toEqual(['valueAddedPerMu', 'revenuePerMu', 'valueAddedPerEnergy', 'valueAddedPerEmission', 'laborProductivity', 'rdIntensity', 'techInvestPerMu']);
    expect(newIndicator(below, null, '')).toMatchObject({ key: 'custom1', formula: { numerator: 'valueAdded', denominator: ['landMu'] }, method: { kind: 'ratio' } });
    expect(newIndicator(below, 'revenuePerMu', '亩均营业收入')).toMatchObject({ key: 'revenuePerMu', formula: { numerator: 'operatingRevenue', denominator: ['landMu'] } });
  });

  it('says which sections someone else changed', () => {
    const theirs = copy();
    theirs.classRule = { kind: 'scoreThresholds', thresholds: { A: 120, B: 100, C: 80 } };
    theirs.groups[1]!.indicators[0]!.weight = 60;
    expect(changedSections(DEFAULT_SCHEME, theirs)).toEqual(['groups', 'classRule']);
  });
});
