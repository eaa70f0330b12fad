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
  const own = run.results.find((r) => r.enterpriseId === enterpriseId);
  if (!own) return null;
  const shortfalls = own.indicators
    .filter((i) => i.handling !== 'excluded' && i.score < i.weight)
    .map((i) => ({ key: i.key, value: i.value, benchmark: i.benchmark, score: i.score, lost: i.weight - i.score }))
    .sort((a, b) => b.lost - a.lost || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
  return { shortfalls, nextClass: own.status === 'ranked' ? nextClassOf(scheme, run, own) : null };
}

function nextClassOf(scheme: EvaluationScheme, run: EvaluationRun, own: EnterpriseResult): Explanation['nextClass'] {
  const index = CLASS_LABELS.indexOf(own.class as ClassLabel);
  const peers = run.results.filter((r) => r.status === 'ranked' && r.groupKey === own.groupKey);
  for (let k = index - 1; k >= 0; k--) {
    const label = CLASS_LABELS[k]!;
    const rule = scheme.classRule;
    const total = rule.kind === 'scoreThresholds' ? rule.thresholds[label as 'A' | 'B' | 'C'] : Math.min(...peers.filter((p) => p.class === label).map((p) => p.total!));
    if (Number.isFinite(total)) return { class: label, total, gap: Math.max(0, total - own.total!) };
  }
  return null;
}
