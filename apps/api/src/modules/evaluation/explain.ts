import { CLASS_LABELS, type ClassLabel, type EvaluationScheme } from '@yuanqu/contracts';
import type { EnterpriseResult, EvaluationRun } from './evaluation';

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

/**
 * Why an enterprise stands where it does: its largest shortfalls against the weights, and the
 * total it would need for the next class up — by rank shares, the lowest total in that class
 * among its group in this run (a better class nobody holds is skipped); by score thresholds,
 * the threshold. Vetoed, T and out-of-scope enterprises have no next class by score.
 */
export function explain(scheme: EvaluationScheme, run: EvaluationRun, enterpriseId: string, limit = 3): Explanation | null {
  return explainer(scheme, run, limit)(enterpriseId);
}

/**
 * `explain` for every enterprise of a run: the run is indexed once (each group's lowest total per
 * class), so explaining all n enterprises costs O(n), not O(n²).
 */
export function explainer(scheme: EvaluationScheme, run: EvaluationRun, limit = 3): (enterpriseId: string) => Explanation | null {
  const byId = new Map(run.results.map((r) => [r.enterpriseId, r]));
  const lowest = new Map<string, Partial<Record<ClassLabel, number>>>();
  for (const r of run.results) {
    if (r.status !== 'ranked') continue;
    const minima = lowest.get(r.groupKey!) ?? {};
    const label = r.class as ClassLabel;
    if (minima[label] === undefined || r.total! < minima[label]) minima[label] = r.total!;
    lowest.set(r.groupKey!, minima);
  }
  return (enterpriseId) => {
    const own = byId.get(enterpriseId);
    if (!own) return null;
    const shortfalls = own.indicators
      .filter((i) => i.handling !== 'excluded' && i.score < i.weight)
      .map((i) => ({ key: i.key, value: i.value, benchmark: i.benchmark, score: i.score, lost: i.weight - i.score }))
      .sort((a, b) => b.lost - a.lost || (a.key < b.key ? -1 : 1))
      .slice(0, limit);
    return { shortfalls, nextClass: own.status === 'ranked' ? nextClassOf(scheme, lowest.get(own.groupKey!)!, own) : null };
  };
}

function nextClassOf(scheme: EvaluationScheme, lowest: Partial<Record<ClassLabel, number>>, own: EnterpriseResult): Explanation['nextClass'] {
  const index = CLASS_LABELS.indexOf(own.class as ClassLabel);
  for (let k = index - 1; k >= 0; k--) {
    const label = CLASS_LABELS[k]!;
    const rule = scheme.classRule;
    const total = rule.kind === 'scoreThresholds' ? rule.thresholds[label as 'A' | 'B' | 'C'] : (lowest[label] ?? Infinity);
    if (Number.isFinite(total)) return { class: label, total, gap: Math.max(0, total - own.total!) };
  }
  return null;
}
