import { describe, expect, it } from 'vitest';
import { caseOverdue, incomingAllowed, milestoneOverdue, nextCaseCode, progressOf, stateChangeProblem } from './disposal';

const change = (over: Partial<Parameters<typeof stateChangeProblem>[0]> = {}) =>
  stateChangeProblem({ kind: 'rectification', from: 'inProgress', to: 'completed', on: '2026-03-02', lastSince: '2025-06-01', today: '2026-03-02', openMilestones: 0, note: null, recoverParcels: false, ...over });

describe('disposal cases', () => {
  it('counts progress as milestones done of all', () => {
    expect(progressOf([])).toEqual({ done: 0, total: 0 });
    expect(progressOf([{ dueOn: null, doneOn: '2025-01-01' }, { dueOn: '2025-02-01', doneOn: null }, { dueOn: null, doneOn: '2025-03-01' }])).toEqual({ done: 2, total: 3 });
  });

  it('flags a milestone overdue from the day after it was due, only while it is open and its case is', () => {
    const m = { dueOn: '2026-03-01', doneOn: null };
    expect(milestoneOverdue(m, 'inProgress', '2026-03-01')).toBe(false);
    expect(milestoneOverdue(m, 'inProgress', '2026-03-02')).toBe(true);
    expect(milestoneOverdue(m, 'draft', '2026-03-02')).toBe(true);
    expect(milestoneOverdue({ ...m, doneOn: '2026-03-02' }, 'inProgress', '2026-03-05')).toBe(false);
    expect(milestoneOverdue({ ...m, dueOn: null }, 'inProgress', '2026-03-05')).toBe(false);
    expect(milestoneOverdue(m, 'terminated', '2026-03-05')).toBe(false);
  });

  it('flags a case overdue after its deadline until it is closed', () => {
    expect(caseOverdue({ state: 'inProgress', deadlineOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(caseOverdue({ state: 'inProgress', deadlineOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(caseOverdue({ state: 'completed', deadlineOn: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(caseOverdue({ state: 'draft', deadlineOn: null }, '2030-01-01')).toBe(false);
  });

  it('moves a case only forward, dated between its last move and today', () => {
    expect(change()).toBeNull();
    expect(change({ from: 'draft', to: 'completed' })).toBe('transition');
    expect(change({ from: 'completed', to: 'inProgress' })).toBe('transition');
    expect(change({ from: 'terminated', to: 'terminated', note: 'x' })).toBe('transition');
    expect(change({ on: '2026-03-03' })).toBe('dateInFuture');
    expect(change({ on: '2025-05-31' })).toBe('dateBeforeLast');
    expect(change({ on: '2025-06-01' })).toBeNull();
  });

  it('completes only with every milestone done, and terminates only with a reason', () => {
    expect(change({ openMilestones: 1 })).toBe('openMilestones');
    expect(change({ to: 'terminated', openMilestones: 3 })).toBe('noteRequired');
    expect(change({ to: 'terminated', openMilestones: 3, note: '企业已自行完成整改' })).toBeNull();
  });

  it('records parcels as recovered only when a 协商收回 case is completed', () => {
    expect(change({ kind: 'negotiatedRecovery', recoverParcels: true })).toBeNull();
    expect(change({ kind: 'replacement', recoverParcels: true })).toBe('recoverNotAllowed');
    expect(change({ kind: 'negotiatedRecovery', to: 'terminated', note: '协商未果', recoverParcels: true })).toBe('recoverNotAllowed');
  });

  it('lets only 腾笼换鸟 and 兼并提效 name who comes in', () => {
    expect(incomingAllowed('replacement', { enterpriseId: 'e1', project: null })).toBe(true);
    expect(incomingAllowed('merger', { enterpriseId: null, project: '并购重组' })).toBe(true);
    expect(incomingAllowed('upgrade', { enterpriseId: null, project: '新项目' })).toBe(false);
    expect(incomingAllowed('negotiatedRecovery', { enterpriseId: null, project: null })).toBe(true);
  });

  it('numbers cases by year', () => {
    expect(nextCaseCode('2026', [])).toBe('CZ-2026-001');
    expect(nextCaseCode('2026', ['CZ-2025-007', 'CZ-2026-001', 'CZ-2026-009', 'OTHER'])).toBe('CZ-2026-010');
  });
});
