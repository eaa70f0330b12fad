import { describe, expect, it } from 'vitest';
import type { DisposalCase } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import { i18n } from '../../i18n';
import { canWriteLand } from '../../utils/permissions';
import { disposalProblem, doneText, figureText, nextStates, periodText, progressPercent, progressColor } from './disposal-display';
import { disposalFormFrom, emptyDisposalForm, validateDisposalForm, validateMilestone } from './disposal-form';

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {});

const base: DisposalCase = {
  id: 'c1', code: 'CZ-2025-001', kind: 'rectification', title: '精诚铜业地块限期整改', enterpriseId: 'e1', enterpriseName: '九江精诚铜业有限公司',
  parcelIds: ['p1'], parcels: [{ id: 'p1', code: 'XY-CD-P3-MFG-09', name: '精诚铜业地块', unitName: '高端制造功能区', areaMu: 27, status: 'producing' }], areaMu: 27,
  reason: '亩均税收偏低', figure: { indicator: 'taxPerMu', year: 2025, value: 2.1, benchmark: 9.5 }, incomingEnterpriseId: null, incomingEnterpriseName: null, incomingProject: null,
  department: 'land', responsiblePerson: '刘志华', startOn: '2025-06-02', deadlineOn: '2026-06-02', completedOn: null, state: 'inProgress', stateSince: '2025-06-02',
  progress: { done: 1, total: 3 }, overdueMilestones: 1, overdue: false, version: 4, updatedAt: '2026-03-02T01:00:00.000Z', milestones: [], stateHistory: [],
};

describe('disposal display', () => {
  it('shows progress as a whole percentage, red while anything is late, green once completed', () => {
    expect(progressPercent(base)).toBe(33);
    expect(progressPercent({ state: 'draft', progress: { done: 0, total: 0 } })).toBe(0);
    expect(progressPercent({ state: 'completed', progress: { done: 0, total: 0 } })).toBe(100);
    expect(progressColor(base)).toBe('var(--el-color-danger)');
    expect(progressColor({ ...base, overdueMilestones: 0 })).toBe('var(--el-color-primary)');
    expect(progressColor({ ...base, overdueMilestones: 0, overdue: true })).toBe('var(--el-color-danger)');
    expect(progressColor({ ...base, state: 'completed' })).toBe('var(--el-color-success)');
  });

  it('reads dates and figures as civil servants write them', () => {
    expect(periodText(base, t, 'zh-CN')).toBe('2025年6月 起');
    expect(periodText({ startOn: '2020-08-01', completedOn: '2021-11-30' }, t, 'zh-CN')).toBe('2020年8月 至 2021年11月');
    expect(periodText({ startOn: null, completedOn: null }, t, 'zh-CN')).toBe('未启动');
    expect(figureText(base.figure, t)).toBe('2025年亩均税收 2.10 万元/亩（对照值 9.50 万元/亩）');
    expect(figureText({ indicator: 'revenuePerMu', year: 2024, value: 120, benchmark: null }, t)).toBe('2024年亩均营业收入 120.00 万元/亩');
    expect(doneText({ doneOn: '2026-03-02', doneBy: 'tudi' }, t, 'zh-CN')).toBe('2026年3月2日（tudi）');
    expect(doneText({ doneOn: null, doneBy: null }, t, 'zh-CN')).toBe('—');
  });

  it('offers the moves the state allows, and names the refusals the API explains', () => {
    expect(nextStates('draft')).toEqual(['inProgress', 'terminated']);
    expect(nextStates('completed')).toEqual([]);
    expect(disposalProblem(new ApiError(400, 'VALIDATION', 'x', { field: 'state', reason: 'openMilestones' }))).toBe('disposal.problems.openMilestones');
    expect(disposalProblem(new ApiError(400, 'VALIDATION', 'x', { field: 'title' }))).toBeNull();
    expect(disposalProblem(new ApiError(409, 'CONFLICT', 'x', { reason: 'closed' }))).toBeNull();
  });

  it('lets admins and 规划土地 staff keep the cases; leaders and other staff read them', () => {
    expect(canWriteLand({ role: 'admin', departments: [], enterpriseId: null })).toBe(true);
    expect(canWriteLand({ role: 'staff', departments: ['economy', 'land'], enterpriseId: null })).toBe(true);
    expect(canWriteLand({ role: 'staff', departments: ['investment'], enterpriseId: null })).toBe(false);
    expect(canWriteLand({ role: 'leader', departments: [], enterpriseId: null })).toBe(false);
  });
});

describe('disposal form', () => {
  it('sends a new case with its figure and measures, and no incoming firm for a kind that has none', () => {
    const form = { ...emptyDisposalForm(2026), title: '测试', parcelIds: ['p1'], reason: '亩均税收偏低', withFigure: true, value: '2.1', benchmark: '', incomingProject: '不该发送',
      milestones: [{ title: '提交整改方案', dueOn: '2026-04-30', owner: ' ' }] };
    const checked = validateDisposalForm(form, t);
    expect(checked).toMatchObject({ ok: true, value: { kind: 'rectification', figure: { indicator: 'taxPerMu', year: 2025, value: 2.1, benchmark: null }, incomingProject: null, code: null,
      milestones: [{ title: '提交整改方案', dueOn: '2026-04-30', owner: null }] } });
  });

  it('marks the fields to fix next to them', () => {
    const form = { ...emptyDisposalForm(2026), withFigure: true, value: 'abc', startOn: '2026-05-01', deadlineOn: '2026-04-01' };
    const checked = validateDisposalForm(form, t);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['deadlineOn', 'parcelIds', 'reason', 'title', 'value'].sort());
    expect(checked.errors.deadlineOn).toBe('完成期限不能早于启动日期');
    expect(validateMilestone({ title: '', dueOn: null, owner: '' }, t).ok).toBe(false);
  });

  it('loads a case back into the form as typed', () => {
    const form = disposalFormFrom(base);
    expect(form).toMatchObject({ withFigure: true, value: '2.1', benchmark: '9.5', year: 2025, responsiblePerson: '刘志华', incomingProject: '', milestones: [] });
    expect(validateDisposalForm(form, t).ok).toBe(true);
  });
});
