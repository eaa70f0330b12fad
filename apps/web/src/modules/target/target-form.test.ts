import { describe, expect, it } from 'vitest';
import type { TargetEvaluation } from '@yuanqu/contracts';
import { t } from '../../i18n';
import { changedFields, emptyTargetForm, figuresFor, targetFormFrom, unitFor, validateTargetForm } from './target-form';

const rdGrowth: TargetEvaluation = {
  id: 't5',
  code: 'rdGrowth2025',
  name: '规上工业企业R&D经费支出年均增长35%以上',
  metric: 'growth',
  figure: 'rdExpense',
  scale: 'above',
  qualification: null,
  threshold: null,
  unit: 'percent',
  targetValue: 0.35,
  baselineYear: 2022,
  targetYear: 2025,
  trendOnly: false,
  riskRatio: 0.9,
  department: 'economy',
  source: null,
  status: 'active',
  version: 3,
  asOfYear: 2024,
  baseline: null,
  current: 0.2,
  progress: 0.57,
  required: 0.35,
  projection: 0.2,
  verdict: 'behind',
  history: [],
};

describe('the target form', () => {
  it('shows a stored target in display units and sends it back unchanged', () => {
    const form = targetFormFrom(rdGrowth);
    expect(form).toMatchObject({ targetValue: '35', riskRatio: '90', threshold: '' });
    const checked = validateTargetForm(form, t);
    expect(checked).toEqual({ ok: true, value: expect.objectContaining({ targetValue: 0.35, riskRatio: 0.9, scale: 'above', source: null }) });
    expect(checked.ok && changedFields(checked.value, rdGrowth)).toEqual([]);
  });

  it('converts a goal in 亿元 and a threshold in 万元 to 元', () => {
    const form = { ...emptyTargetForm(2022), name: '引进亿元企业', metric: 'newLargeFirms' as const, unit: 'count' as const, targetValue: '2', threshold: '10000' };
    const checked = validateTargetForm(form, t);
    expect(checked.ok && checked.value).toMatchObject({ threshold: 100_000_000, targetValue: 2, figure: 'mainRevenue' });
    const revenue = validateTargetForm({ ...emptyTargetForm(2022), name: '主营业务收入', targetValue: '100' }, t);
    expect(revenue.ok && revenue.value.targetValue).toBe(10_000_000_000);
  });

  it('names what is missing or wrong, field by field', () => {
    const checked = validateTargetForm({ ...emptyTargetForm(2022), name: 'x', targetValue: 'abc', targetYear: 2020, figure: null }, t);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors).toMatchObject({
      name: '至少 2 个字符',
      targetValue: '格式不正确',
      targetYear: '目标年份须晚于基期年份',
      figure: '请选择',
    });
    const trend = validateTargetForm({ ...emptyTargetForm(2022), name: '亩均税收提升', metric: 'external', unit: 'yuanPerMu', trendOnly: true }, t);
    expect(trend.ok && trend.value).toMatchObject({ targetValue: 0, figure: null, trendOnly: true });
  });

  it('offers the figures and unit a metric can measure', () => {
    expect(figuresFor('share')).toEqual(['cloudAdopted']);
    expect(figuresFor('mean')).toEqual(['cncRate']);
    expect(figuresFor('sum')).toContain('employeesEnd');
    expect(figuresFor('sum')).not.toContain('cloudAdopted');
    expect(unitFor('growth', 'rdExpense')).toBe('percent');
    expect(unitFor('sum', 'mainRevenue')).toBe('yuan');
    expect(unitFor('qualifications', null)).toBe('count');
  });

  it('lists the fields someone else changed', () => {
    const checked = validateTargetForm({ ...targetFormFrom(rdGrowth), targetValue: '30', department: 'project' }, t);
    expect(checked.ok && changedFields(checked.value, rdGrowth)).toEqual(['targetValue', 'department']);
  });
});
