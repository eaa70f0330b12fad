import type { FactorySummary, FactoryYear } from '@yuanqu/contracts';

/** What the summary needs of a building. */
export interface BuiltArea {
  completedOn: string | null;
  floorAreaSqm: number;
  occupiedSqm: number;
}

/**
 * Standard factory buildings against the yearly goal on `today` (YYYY-MM-DD): the floor area
 * completed each year from the first completion to this year (a year without one shows 0, so the
 * chart has no gaps), this year's progress, and the occupancy of what stands. A building dated
 * after today is not completed yet and counts nowhere.
 */
export function summarizeFactories(buildings: readonly BuiltArea[], goalSqmPerYear: number | null, today: string): FactorySummary {
  const currentYear = Number(today.slice(0, 4));
  const built = buildings.filter((b): b is BuiltArea & { completedOn: string } => b.completedOn !== null && b.completedOn <= today);
  const first = Math.min(currentYear, ...built.map((b) => Number(b.completedOn.slice(0, 4))));
  const years: FactoryYear[] = Array.from({ length: currentYear - first + 1 }, (_, i) => {
    const year = first + i;
    const those = built.filter((b) => b.completedOn.startsWith(`${year}-`));
    return { year, completedSqm: those.reduce((s, b) => s + b.floorAreaSqm, 0), buildings: those.length };
  });
  const currentYearSqm = years[years.length - 1]!.completedSqm;
  const completedSqm = built.reduce((s, b) => s + b.floorAreaSqm, 0);
  const occupiedSqm = built.reduce((s, b) => s + b.occupiedSqm, 0);
  return {
    goalSqmPerYear,
    years,
    currentYear,
    currentYearSqm,
    progress: goalSqmPerYear !== null && goalSqmPerYear > 0 ? currentYearSqm / goalSqmPerYear : null,
    completedSqm,
    occupiedSqm,
    occupancy: completedSqm > 0 ? occupiedSqm / completedSqm : null,
    asOf: today,
  };
}
