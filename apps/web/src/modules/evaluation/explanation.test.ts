import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, type EvaluationPreview } from '@yuanqu/contracts';
import { indicatorLines, missingLines, pulledDown } from './explanation';
import { previewPicture } from './run-preview';
import { BELOW, result } from './test-fixtures';

describe('why a result stands where it does', () => {
  // 亩均税收 at half the benchmark (25 of 50), 单位电耗税收 at 1.2 × (60 of 50, above its weight).
  const row = result({
    enterpriseId: 'e1',
    name: '九江甲',
    total: 85,
    indicators: [
      { key: 'taxPerMu', weight: 50, value: 100_000, benchmark: 200_000, score: 25, handling: 'scored' },
      { key: 'taxPerKwh', weight: 50, value: 0.48, benchmark: 0.4, score: 60, handling: 'scored' },
    ],
  });

  it('gives each indicator its label, score against the weight and the share for its bar', () => {
    const lines = indicatorLines(row, BELOW);
    expect(lines.map((l) => [l.name, l.score, l.weight, l.lost, l.share])).toEqual([
      ['亩均税收', 25, 50, 25, 0.5],
      ['单位电耗税收', 60, 50, 0, 1],
    ]);
  });

  it('names the indicators that pulled the total down, most points lost first', () => {
    const three = { ...BELOW, indicators: [...BELOW.indicators, { key: 'revenuePerMu', name: '亩均营业收入', weight: 20, direction: 'higher' as const, formula: { numerator: 'operatingRevenue' as const, denominator: ['landMu' as const] } }] };
    const lines = indicatorLines({ indicators: [...row.indicators, { key: 'revenuePerMu', weight: 20, value: 1, benchmark: 2, score: 10, handling: 'scored' }] }, three);
    expect(pulledDown(lines).map((l) => [l.key, l.lost])).toEqual([
      ['taxPerMu', 25],
      ['revenuePerMu', 10],
    ]);
  });

  it('says which figures an unscored indicator lacked and how it was handled', () => {
    const lacking = result({
      enterpriseId: 'e2',
      name: '九江乙',
      missing: ['electricityKwh', 'cncRate'],
      indicators: [
        { key: 'taxPerMu', weight: 50, value: 200_000, benchmark: 200_000, score: 50, handling: 'scored' },
        { key: 'taxPerKwh', weight: 50, value: null, benchmark: 0.4, score: 0, handling: 'excluded' },
      ],
    });
    expect(missingLines(lacking, BELOW)).toEqual([{ key: 'taxPerKwh', name: '单位电耗税收', handling: 'excluded', lacking: ['electricityKwh'] }]);
    // An excluded indicator costs no points: its weight went to the others.
    expect(pulledDown(indicatorLines(lacking, BELOW))).toEqual([]);
    const noLand = result({ enterpriseId: 'e3', name: '九江丙', landMu: null, indicators: [{ ...lacking.indicators[0]!, value: null, score: 0, handling: 'zero' }, lacking.indicators[1]!] });
    expect(missingLines(noLand, BELOW)[0]).toMatchObject({ handling: 'zero', lacking: ['landMu'] });
  });
});

describe('the new run’s missing-data picture', () => {
  const preview: EvaluationPreview = {
    year: 2022,
    scheme: { id: null, code: 'reference', version: 1, name: '参考方案', reference: true },
    groups: [BELOW],
    results: [
      result({ enterpriseId: 'e1', name: '九江乙' }),
      result({ enterpriseId: 'e2', name: '九江甲', missing: ['electricityKwh', 'cncRate'] }),
      result({ enterpriseId: 'e3', name: '九江丙', missing: ['cncRate'] }),
      result({ enterpriseId: 'e4', name: '九江丁', status: 'exempt', class: 'T', missing: [...FIGURE_KEYS] }),
      result({ enterpriseId: 'e5', name: '九江戊', status: 'outOfScope', groupKey: null, class: null }),
    ],
  };

  it('counts each group, T and out of scope, and lists who lacks the report or a figure that counts', () => {
    const picture = previewPicture(preview);
    expect(picture).toMatchObject({ total: 5, groups: [{ key: 'belowScale', count: 3 }], exempt: 1, outOfScope: 1 });
    expect(picture.lacking).toEqual([
      { enterpriseId: 'e2', name: '九江甲', status: 'ranked', noReport: false, figures: ['electricityKwh'] },
      { enterpriseId: 'e4', name: '九江丁', status: 'exempt', noReport: true, figures: ['taxPaid', 'electricityKwh'] },
    ]);
  });
});
