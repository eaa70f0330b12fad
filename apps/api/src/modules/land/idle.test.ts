import { describe, expect, it } from 'vitest';
import { fullYears, idleFinding, type IdleInput } from './idle';

const notStarted: IdleInput = {
  status: 'suppliedNotStarted', agreedStartOn: '2024-06-30', actualStartOn: null, statusSince: '2024-01-20',
  registeredAreaSqm: 40_000, developedAreaSqm: null, investmentYuan: null, priceYuan: 9_000_000, investmentIntensity: 350, governmentDelay: false,
};

describe('idle-land rules', () => {
  it('counts full years only on their anniversary', () => {
    expect(fullYears('2024-06-30', '2025-06-29')).toBe(0);
    expect(fullYears('2024-06-30', '2025-06-30')).toBe(1);
    expect(fullYears('2024-02-29', '2026-03-01')).toBe(2);
  });

  it('charges 20 % of the land price after one full year unstarted, and recovers after two', () => {
    expect(idleFinding(notStarted, '2025-06-29')).toBeNull();
    expect(idleFinding(notStarted, '2025-06-30')).toEqual({ kind: 'idleFee', idleSince: '2025-06-30', fullYears: 1, feeYuan: 1_800_000, rule: 'notStarted', options: null });
    expect(idleFinding(notStarted, '2026-07-01')).toMatchObject({ kind: 'recovery', fullYears: 2, feeYuan: null });
  });

  it('finds a stalled site idle only with under a third built or under a quarter invested', () => {
    const stalled: IdleInput = { ...notStarted, status: 'suspended', actualStartOn: '2023-01-10', statusSince: '2024-05-01', developedAreaSqm: 20_000, investmentYuan: 40_000_000 };
    // 60 亩 × 350 万元/亩 = 2.1 亿元 due; 4,000 万元 is under a quarter.
    expect(idleFinding(stalled, '2025-05-01')).toMatchObject({ kind: 'idleFee', rule: 'stalled', idleSince: '2025-05-01' });
    expect(idleFinding({ ...stalled, investmentYuan: 60_000_000 }, '2025-05-01')).toBeNull();
    expect(idleFinding({ ...stalled, investmentYuan: 60_000_000, developedAreaSqm: 10_000 }, '2025-05-01')).toMatchObject({ rule: 'stalled' });
  });

  it('charges nothing and offers the lawful options when the delay is the government’s', () => {
    const delayed = { ...notStarted, governmentDelay: true };
    expect(idleFinding(delayed, '2026-07-01')).toEqual({
      kind: 'governmentDelay', idleSince: '2025-06-30', fullYears: 2, feeYuan: null, rule: 'notStarted',
      options: ['extendStart', 'changeUse', 'temporaryUse', 'paidRecovery', 'landSwap'],
    });
  });

  it('leaves producing, unsupplied and recovered parcels alone', () => {
    for (const status of ['producing', 'unsupplied', 'recovered']) expect(idleFinding({ ...notStarted, status }, '2030-01-01')).toBeNull();
  });
});
