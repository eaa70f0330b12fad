import { describe, expect, it } from 'vitest';
import { summarizeFactories, type BuiltArea } from './factory';

const b = (completedOn: string | null, floorAreaSqm: number, occupiedSqm = 0): BuiltArea => ({ completedOn, floorAreaSqm, occupiedSqm });

describe('standard factory summary', () => {
  it('sums the floor area completed each year, with empty years shown as 0 up to this year', () => {
    const s = summarizeFactories([b('2022-05-18', 42_000), b('2022-12-31', 40_000), b('2024-06-15', 50_000)], 100_000, '2026-03-02');
    expect(s.years).toEqual([
      { year: 2022, completedSqm: 82_000, buildings: 2 },
      { year: 2023, completedSqm: 0, buildings: 0 },
      { year: 2024, completedSqm: 50_000, buildings: 1 },
      { year: 2025, completedSqm: 0, buildings: 0 },
      { year: 2026, completedSqm: 0, buildings: 0 },
    ]);
    expect(s).toMatchObject({ currentYear: 2026, currentYearSqm: 0, progress: 0, asOf: '2026-03-02' });
  });

  it('counts this year up to today: a building dated later, or not completed, counts nowhere', () => {
    const s = summarizeFactories([b('2026-01-05', 25_000, 10_000), b('2026-03-02', 15_000), b('2026-03-03', 30_000, 30_000), b(null, 8_000)], 100_000, '2026-03-02');
    expect(s.years).toEqual([{ year: 2026, completedSqm: 40_000, buildings: 2 }]);
    expect(s.progress).toBeCloseTo(0.4, 12);
    expect(s).toMatchObject({ completedSqm: 40_000, occupiedSqm: 10_000, occupancy: 0.25 });
  });

  it('gives no progress without a goal and no occupancy without a building', () => {
    const s = summarizeFactories([], null, '2026-03-02');
    expect(s).toMatchObject({ years: [{ year: 2026, completedSqm: 0, buildings: 0 }], progress: null, occupancy: null, completedSqm: 0 });
    expect(summarizeFactories([b('2026-02-01', 120_000)], 100_000, '2026-03-02').progress).toBeCloseTo(1.2, 12);
  });
});
