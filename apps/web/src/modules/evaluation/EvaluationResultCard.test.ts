import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '../../i18n';
import EvaluationResultCard from './EvaluationResultCard.vue';
import { BELOW, result } from './test-fixtures';

const render = (props: InstanceType<typeof EvaluationResultCard>['$props']) => mount(EvaluationResultCard, { props, global: { plugins: [i18n] } }).text();

describe('EvaluationResultCard', () => {
  it('explains a C: rank in the group, each indicator against its benchmark, what pulled it down, and the gap to B', () => {
    const text = render({
      group: BELOW,
      rankedInGroup: 15,
      result: result({
        enterpriseId: 'e1',
        name: '九江甲',
        rank: 5,
        class: 'C',
        total: 73.5,
        indicators: [
          { key: 'taxPerMu', weight: 50, value: 120_000, benchmark: 200_000, score: 30, handling: 'scored' },
          { key: 'taxPerKwh', weight: 50, value: 0.348, benchmark: 0.4, score: 43.5, handling: 'scored' },
        ],
        nextClass: { class: 'B', total: 80.25, gap: 6.75 },
        adjustment: -1.5,
      }),
    });
    expect(text).toContain('为什么是 C 类');
    expect(text).toContain('规下工业企业（用地 3 亩及以上） 第 5 名 / 共 15 家');
    expect(text).toContain('距 B 类还差 6.75 分（需 80.25 分）');
    expect(text).toContain('数值 12.00 万元/亩，基准 20.00 万元/亩');
    expect(text).toContain('30.00 / 50 分');
    expect(text).toContain('数值 0.35 元/千瓦时，基准 0.40 元/千瓦时');
    // Worst first: 亩均税收 lost 20, 单位电耗税收 6.5.
    expect(text).toMatch(/亩均税收：比满分少 20\.00 分.*单位电耗税收：比满分少 6\.50 分/);
    expect(text).toContain('评价所需数据齐全');
    expect(text).toContain('加减分-1.50');
  });

  it('names the veto items of a vetoed result, and the policies that apply with the years in a row', () => {
    const text = render({
      group: BELOW,
      rankedInGroup: 14,
      vetoes: ['重大安全生产事故'],
      result: result({
        enterpriseId: 'e4',
        name: '九江丁',
        status: 'vetoed',
        rank: null,
        class: 'D',
        vetoes: ['safetyAccident'],
        consecutive: 2,
        policies: [{ lever: 'electricity', text: '差别电价加价（连续 2 年）', value: 0.1, unit: '元/kWh' }],
      }),
    });
    expect(text).toContain('为什么是 D 类（一票否决）');
    expect(text).toContain('因一票否决事项（重大安全生产事故）定为 D 类，不参与排名。');
    expect(text).not.toContain('距上一等级');
    expect(text).toContain('已连续 2 年为 D 类');
    expect(text).toContain('用电 差别电价加价（连续 2 年）（0.1 元/kWh）');
  });

  it('says which figure was missing and how it was handled, and the weights scaled', () => {
    const text = render({
      group: BELOW,
      rankedInGroup: 3,
      result: result({
        enterpriseId: 'e2',
        name: '九江乙',
        rank: 1,
        class: 'A',
        total: 100,
        missing: ['electricityKwh'],
        indicators: [
          { key: 'taxPerMu', weight: 50, value: 200_000, benchmark: 200_000, score: 50, handling: 'scored' },
          { key: 'taxPerKwh', weight: 50, value: null, benchmark: 0.4, score: 0, handling: 'excluded' },
        ],
      }),
    });
    expect(text).toContain('单位电耗税收：缺少用电量，缺报，不计入并按其余指标折算权重');
    expect(text).toContain('其余指标得分已乘以 2.00 折算权重');
    expect(text).toContain('已是最高等级');
    expect(text).toContain('加减分0.00');
  });

  it('gives a T its reason and no scores', () => {
    const text = render({ group: BELOW, rankedInGroup: 3, exemptReason: '投产未满 2 年（2021-06-01）', result: result({ enterpriseId: 'e3', name: '九江丙', status: 'exempt', class: 'T', total: null, rank: null, indicators: [] }) });
    expect(text).toContain('为什么暂不评价');
    expect(text).toContain('暂不评价（T类）：投产未满 2 年（2021-06-01）');
    expect(text).not.toContain('总分');
  });
});
