import { describe, expect, it } from 'vitest';
import { fieldsFor, nextDeadline, outcomesFor, stepIndex } from './idle-case-display';

const step = (action: string, detail: Record<string, unknown> | null = null) => ({ stage: 'plan' as const, action, doneOn: '2026-01-01', actor: 'x', document: null, note: null, detail });

describe('idle case display', () => {
  it('shows the first running deadline, a missed one before the decision, and none once the windows have run out', () => {
    expect(nextDeadline({ stage: 'remedy', deadlines: [{ key: 'compliance', dueOn: '2026-01-31', passed: true }, { key: 'review', dueOn: '2026-03-02', passed: false }, { key: 'lawsuit', dueOn: '2026-07-01', passed: false }] })).toEqual({ key: 'review', dueOn: '2026-03-02', passed: false });
    expect(nextDeadline({ stage: 'investigation', deadlines: [{ key: 'investigation', dueOn: '2026-01-31', passed: true }] })?.passed).toBe(true);
    expect(nextDeadline({ stage: 'remedy', deadlines: [{ key: 'compliance', dueOn: '2025-10-10', passed: true }, { key: 'review', dueOn: '2025-11-09', passed: true }] })).toBeNull();
  });

  it('puts 救济 and 结案 on the last step', () => {
    expect(stepIndex({ stage: 'investigation' })).toBe(0);
    expect(stepIndex({ stage: 'remedy' })).toBe(5);
    expect(stepIndex({ stage: 'closed' })).toBe(6);
  });

  it('asks for a 文号 on acts that issue a document, and a reason for a withdrawal', () => {
    expect(fieldsFor('investigate')).toMatchObject({ document: true, cause: false });
    expect(fieldsFor('publish')).toMatchObject({ document: false, noteRequired: false });
    expect(fieldsFor('dismiss').noteRequired).toBe(true);
    expect(fieldsFor('chooseOption')).toMatchObject({ document: true, option: true });
  });

  it('offers only the endings the decision allows', () => {
    expect(outcomesFor({ cause: 'holder', steps: [step('decide', { decision: 'fee' })] })).toEqual(['feePaid', 'decisionRevoked']);
    expect(outcomesFor({ cause: 'holder', steps: [step('decide', { decision: 'recovery' })] })).toEqual(['landRecovered', 'decisionRevoked']);
    expect(outcomesFor({ cause: 'planRevised', steps: [] })).toContain('optionCarriedOut');
  });
});
