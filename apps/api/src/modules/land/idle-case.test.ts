import { describe, expect, it } from 'vitest';
import { actionsFor, addMonths, assertAllowed, deadlines } from './idle-case';

describe('the idle-land procedure', () => {
  it('counts six months for a lawsuit to the same day, or the month’s last day', () => {
    expect(addMonths('2026-04-06', 6)).toBe('2026-10-06');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('sets the dates from the acts: 30 days to investigate, 30 to answer, 30 to comply, 60 for review', () => {
    const steps = [
      { action: 'open', doneOn: '2026-01-10' },
      { action: 'investigate', doneOn: '2026-01-20' },
    ];
    expect(deadlines({ stage: 'investigation', openedOn: '2026-01-10', steps: steps.slice(0, 1) }, '2026-02-10')).toEqual([{ key: 'investigation', dueOn: '2026-02-09', passed: true }]);
    expect(deadlines({ stage: 'determination', openedOn: '2026-01-10', steps }, '2026-02-19')).toEqual([{ key: 'response', dueOn: '2026-02-19', passed: false }]);
    const decided = [...steps, { action: 'decide', doneOn: '2026-03-31' }];
    expect(deadlines({ stage: 'remedy', openedOn: '2026-01-10', steps: decided }, '2026-04-01').map((d) => `${d.key} ${d.dueOn}`)).toEqual(['compliance 2026-04-30', 'review 2026-05-30', 'lawsuit 2026-09-30']);
    const option = [...steps, { action: 'chooseOption', doneOn: '2026-03-31' }];
    expect(deadlines({ stage: 'remedy', openedOn: '2026-01-10', steps: option }, '2026-04-01').map((d) => d.key)).toEqual(['compliance']);
  });

  it('offers a decision to the holder at fault and the lawful options for a government cause', () => {
    expect(actionsFor('plan', 'holder')).toEqual(['decide']);
    expect(actionsFor('plan', 'planRevised')).toEqual(['chooseOption']);
    expect(actionsFor('closed', 'holder')).toEqual([]);
  });

  it('closes a case only with an ending its decision allows', () => {
    const fee = { stage: 'remedy' as const, cause: 'holder' as const, decision: 'fee' as const };
    expect(() => assertAllowed(fee, { action: 'close', outcome: 'feePaid', version: 1, note: null })).not.toThrow();
    expect(() => assertAllowed(fee, { action: 'close', outcome: 'landRecovered', version: 1, note: null })).toThrow(/does not follow/);
    expect(() => assertAllowed(fee, { action: 'close', outcome: 'optionCarriedOut', version: 1, note: null })).toThrow(/does not follow/);
    expect(() => assertAllowed({ ...fee, decision: 'recovery' }, { action: 'close', outcome: 'landRecovered', version: 1, note: null })).not.toThrow();
    expect(() => assertAllowed({ stage: 'remedy', cause: 'petition', decision: null }, { action: 'close', outcome: 'optionCarriedOut', version: 1, note: null })).not.toThrow();
    expect(() => assertAllowed(fee, { action: 'publish', version: 1, note: null })).toThrow(/not possible/);
  });
});
