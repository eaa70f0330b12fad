import { CLASS_LABELS, type ClassLabel, type EvaluationScheme } from '@yuanqu/contracts';
import type { EnterpriseResult, IndicatorResult } from './evaluation';

export interface Shortfall {
  key: string;
  value: number | null;
  benchmark: number | null;
  score: number;
  /** Points lost against the weight (a ratio score at the benchmark is the full weight). */
  lost: number;
}

export interface Explanation {
  /** Indicators that cost the most points, worst first; only those below their weight. */
  shortfalls: Shortfall[];
  /** The nearest better class held by someone in this run, and the total that reaches it. */
  nextClass: { class: ClassLabel; total: number; gap: number } | null;
}

/** Where each class starts in a group: the lowest total among its ranked members in that class. */
export type ClassFloors = Partial<Record<ClassLabel, number>>;

/** Each group's class floors, from a run's results (one pass, so explaining all n members is O(n)). */
export function classFloors(results: readonly Pick<EnterpriseResult, 'status' | 'groupKey' | 'class' | 'total'>[]): Map<string, ClassFloors> {
  const floors = new Map<string, ClassFloors>();
  for (const r of results) {
    if (r.status !== 'ranked') continue;
    const minima = floors.get(r.groupKey!) ?? {};
    const label = r.class as ClassLabel;
    if (minima[label] === undefined || r.total! < minima[label]) minima[label] = r.total!;
    floors.set(r.groupKey!, minima);
  }
  return floors;
}

type Explained = Pick<EnterpriseResult, 'status' | 'class' | 'total'> & { indicators: readonly Pick<IndicatorResult, 'key' | 'weight' | 'value' | 'benchmark' | 'score' | 'handling'>[] };

/**
 * Why a result stands where it does: its largest shortfalls against the weights, and the total it
 * would need for the next class up — by rank shares, the lowest total in that class among its
 * group in this run (`floors`; a better class nobody holds is skipped); by score thresholds, the
 * threshold. Vetoed, T and out-of-scope enterprises have no next class by score.
 */
export function explainResult(scheme: EvaluationScheme, floors: ClassFloors | undefined, own: Explained, limit = 3): Explanation {
  const shortfalls = own.indicators
    .filter((i) => i.handling !== 'excluded' && i.score < i.weight)
    .map((i) => ({ key: i.key, value: i.value, benchmark: i.benchmark, score: i.score, lost: i.weight - i.score }))
    .sort((a, b) => b.lost - a.lost || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
  return { shortfalls, nextClass: own.status === 'ranked' ? nextClassOf(scheme, floors ?? {}, own) : null };
}

function nextClassOf(scheme: EvaluationScheme, floors: ClassFloors, own: Explained): Explanation['nextClass'] {
  const index = CLASS_LABELS.indexOf(own.class as ClassLabel);
  for (let k = index - 1; k >= 0; k--) {
    const label = CLASS_LABELS[k]!;
    const rule = scheme.classRule;
    const total = rule.kind === 'scoreThresholds' ? rule.thresholds[label as 'A' | 'B' | 'C'] : (floors[label] ?? Infinity);
    if (Number.isFinite(total)) return { class: label, total, gap: Math.max(0, total - own.total!) };
  }
  return null;
}
