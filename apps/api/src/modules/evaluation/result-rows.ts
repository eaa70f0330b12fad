import { type EvaluationScheme, type ResultRow } from '@yuanqu/contracts';
import { evaluate } from './evaluation';
import { explainer } from './explain';
import type { GatheredEnterprise } from './gather';

/** What a run keeps per enterprise: its result with the reasons, as the API shows it (consecutive years and policies are added on reading). */
export type StoredRow = Omit<ResultRow, 'consecutive' | 'policies'>;

/** Evaluates the gathered enterprises under a scheme and explains each result. */
export function resultRows(scheme: EvaluationScheme, gathered: readonly GatheredEnterprise[]): StoredRow[] {
  const run = evaluate(scheme, gathered.map((g) => g.input));
  const byId = new Map(gathered.map((g) => [g.input.enterpriseId, g]));
  const explainOf = explainer(scheme, run);
  return run.results.map((r) => {
    const g = byId.get(r.enterpriseId)!;
    const why = explainOf(r.enterpriseId);
    return {
      enterpriseId: r.enterpriseId,
      name: g.name,
      groupKey: r.groupKey,
      status: r.status,
      total: r.total,
      rank: r.rank,
      class: r.class,
      exemptReason: r.exemptReason,
      landMu: g.input.landMu,
      missing: g.missing,
      adjustment: r.adjustment,
      vetoes: r.vetoes,
      indicators: r.indicators.map(({ key, weight, value, benchmark, score, handling }) => ({ key, weight, value, benchmark, score, handling })),
      shortfalls: why?.shortfalls.map(({ key, lost }) => ({ key, lost })) ?? [],
      nextClass: why?.nextClass ?? null,
    };
  });
}
