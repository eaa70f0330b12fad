import { CLASS_LABELS, type ClassLabel, type ClassRule } from '@yuanqu/contracts';

export interface RankEntry {
  enterpriseId: string;
  total: number;
}

export interface Placement {
  rank: number;
  class: ClassLabel;
}

/**
 * How many of `n` ranked positions fall in class `label` or a better one: the cumulative share
 * of `n`, rounded half up — e.g. of 10, A = round(2) = 2, A–B = round(6) = 6, A–C = round(9.5)
 * = 10 (no D); of 1, A = round(0.2) = 0, A–B = round(0.6) = 1 (the lone enterprise is B).
 * Integer arithmetic so that halves are exact: ⌊(2·n·c + 100) / 200⌋ for a cumulative share c %.
 */
export function cumulativeCount(n: number, shares: Record<ClassLabel, number>, label: ClassLabel): number {
  let cumulative = 0;
  for (const l of CLASS_LABELS) {
    cumulative += shares[l];
    if (l === label) break;
  }
  return Math.floor((2 * n * cumulative + 100) / 200);
}

function classAtPosition(position: number, n: number, shares: Record<ClassLabel, number>): ClassLabel {
  return CLASS_LABELS.find((label) => position <= cumulativeCount(n, shares, label)) ?? 'D';
}

function classOfTotal(total: number, thresholds: { A: number; B: number; C: number }): ClassLabel {
  if (total >= thresholds.A) return 'A';
  if (total >= thresholds.B) return 'B';
  if (total >= thresholds.C) return 'C';
  return 'D';
}

/**
 * Ranks one group (total descending, enterprise id breaking the order of equal totals so that
 * the result does not depend on input order) and classes each member. Equal totals share the
 * rank of the first of them (1, 2, 2, 4), and by rank shares take the class of that position:
 * ties at a boundary share the better class (methodology §1, "Classes").
 */
export function rankAndClassify(entries: readonly RankEntry[], rule: ClassRule): Map<string, Placement> {
  const sorted = [...entries].sort((a, b) => b.total - a.total || (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0));
  const placements = new Map<string, Placement>();
  let rank = 0;
  sorted.forEach((entry, index) => {
    if (index === 0 || entry.total !== sorted[index - 1]!.total) rank = index + 1;
    const label = rule.kind === 'rankShares' ? classAtPosition(rank, sorted.length, rule.shares) : classOfTotal(entry.total, rule.thresholds);
    placements.set(entry.enterpriseId, { rank, class: label });
  });
  return placements;
}
