import type { RunProgress } from '@yuanqu/contracts';

/** Each stage's share of the bar, as a 50,000-enterprise run spends its time (docs/benchmarks.md): gathering and storing take most. */
const SPANS = { gathering: [0, 45], computing: [45, 55], storing: [55, 100], done: [100, 100] } as const;

/** The bar's percentage for a progress report: the stage's span, filled by done ÷ total. */
export function progressPercent(p: RunProgress | null): number {
  if (!p) return 0;
  const [from, to] = SPANS[p.stage];
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.round(from + (to - from) * share);
}
