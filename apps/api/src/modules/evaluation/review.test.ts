import { DEFAULT_SCHEME } from '@yuanqu/contracts';
import { describe, expect, it } from 'vitest';
import { enterprise } from '../../test/evaluation';
import { consecutiveYears, policiesFor } from './policies';
import { withAdjustments } from './recompute';
import { transitionProblem } from './run-state';

describe('run review steps', () => {
  it('allows each step only from its states', () => {
    const at = (state: string) => ({ state, submittedBy: 'stats' });
    expect(transitionProblem(at('draft'), 'submit', 'stats')).toBeNull();
    expect(transitionProblem(at('draft'), 'approve', 'shenhe')).toBe('notAllowedInState');
    expect(transitionProblem(at('draft'), 'publish', 'stats')).toBe('notAllowedInState');
    expect(transitionProblem(at('submitted'), 'approve', 'shenhe')).toBeNull();
    expect(transitionProblem(at('submitted'), 'return', 'shenhe')).toBeNull();
    expect(transitionProblem(at('approved'), 'return', 'stats')).toBeNull();
    expect(transitionProblem(at('approved'), 'publish', 'stats')).toBeNull();
    for (const action of ['submit', 'approve', 'return', 'publish'] as const) {
      expect(transitionProblem(at('published'), action, 'admin')).toBe('notAllowedInState');
      expect(transitionProblem(at('superseded'), action, 'admin')).toBe('notAllowedInState');
    }
  });

  it('refuses the approval by the account that submitted', () => {
    expect(transitionProblem({ state: 'submitted', submittedBy: 'stats' }, 'approve', 'stats')).toBe('reviewerIsSubmitter');
  });
});

describe('consecutive years in a class', () => {
  it('counts on while the class stays and restarts when it changes', () => {
    expect(consecutiveYears('D', undefined)).toBe(1);
    expect(consecutiveYears('D', { class: 'D', consecutive: 1 })).toBe(2);
    expect(consecutiveYears('D', { class: 'D', consecutive: 4 })).toBe(5);
    expect(consecutiveYears('D', { class: 'C', consecutive: 3 })).toBe(1);
    expect(consecutiveYears('D', { class: 'T', consecutive: null })).toBe(1);
    expect(consecutiveYears('T', { class: 'T', consecutive: null })).toBeNull();
    expect(consecutiveYears(null, undefined)).toBeNull();
  });
});

describe('policies of a class', () => {
  const electricity = (cls: string, years: number | null) => policiesFor(DEFAULT_SCHEME, cls, years).filter((p) => p.lever === 'electricity').map((p) => p.value);

  it('gives D the surcharge of its consecutive years: 0.05, 0.10, then 0.15 from the third year on (methodology §1)', () => {
    expect(electricity('D', 1)).toEqual([0.05]);
    expect(electricity('D', 2)).toEqual([0.1]);
    expect(electricity('D', 3)).toEqual([0.15]);
    expect(electricity('D', 7)).toEqual([0.15]);
    expect(electricity('D', null)).toEqual([]);
  });

  it('gives A its priorities and no surcharge, and T nothing', () => {
    expect(policiesFor(DEFAULT_SCHEME, 'A', 1).map((p) => p.text)).toEqual(['优先保障用地指标', '优先保障用能指标', '优先推荐各类扶持', '信贷优先保障']);
    expect(policiesFor(DEFAULT_SCHEME, 'T', null)).toEqual([]);
  });
});

describe('adjustments on the gathered inputs', () => {
  const adj = (kind: string, code: string, points: number | null = null, enterpriseId = 'e1') => ({ enterpriseId, kind, code, points, reason: `理由 ${code}` });

  it('adds vetoes and points of this enterprise only, and a staff T replaces the automatic one', () => {
    const input = enterprise('e1', 10, {}, { exempt: { reason: 'newInProduction', note: '2021-05-01' } });
    const out = withAdjustments(input, [adj('veto', 'safetyAccident'), adj('bonus', 'innovation', 2), adj('penalty', 'landLeasedOut', 1), adj('veto', 'taxCreditViolation', null, 'e2'), adj('exempt', 'majorProject')]);
    expect(out.vetoes).toEqual([{ code: 'safetyAccident', note: '理由 safetyAccident' }]);
    expect(out.adjustments).toEqual([
      { code: 'innovation', points: 2, reason: '理由 innovation' },
      { code: 'landLeasedOut', points: 1, reason: '理由 landLeasedOut' },
    ]);
    expect(out.exempt).toEqual({ reason: 'majorProject', note: '理由 majorProject' });
    expect(withAdjustments(input, []).exempt).toEqual(input.exempt);
  });
});
