import { CLASS_LABELS, type ClassLabel, type EvaluationComparison, type RunSummary } from '@yuanqu/contracts';

/** The counts of A–D → A–D moves: rows the earlier run's class, columns the later one's. */
export function transitionMatrix(transitions: EvaluationComparison['transitions']): { from: ClassLabel; counts: Record<ClassLabel, number> }[] {
  return CLASS_LABELS.map((from) => ({
    from,
    counts: Object.fromEntries(CLASS_LABELS.map((to) => [to, transitions.find((t) => t.from === from && t.to === to)?.count ?? 0])) as Record<ClassLabel, number>,
  }));
}

export type Mover = EvaluationComparison['enterprises'][number];

/** Who moved up a class and who moved down, the biggest moves first (A←D before A←B), then by name. */
export function movers(enterprises: readonly Mover[]): { up: Mover[]; down: Mover[] } {
  const step = (m: Mover) => Math.abs(CLASS_LABELS.indexOf(m.from.standing as ClassLabel) - CLASS_LABELS.indexOf(m.to.standing as ClassLabel));
  const order = (a: Mover, b: Mover) => step(b) - step(a) || a.name.localeCompare(b.name, 'zh-CN');
  return { up: enterprises.filter((e) => e.movement === 'up').sort(order), down: enterprises.filter((e) => e.movement === 'down').sort(order) };
}

/** The run to compare with by default: the latest run of the year before, else the latest earlier year's; none when there is none. */
export function defaultBaseline(runs: readonly RunSummary[], current: Pick<RunSummary, 'id' | 'year'>): RunSummary | undefined {
  const earlier = runs.filter((r) => r.id !== current.id && r.year < current.year);
  const latest = (list: RunSummary[]) => [...list].sort((a, b) => b.year - a.year || (a.createdAt < b.createdAt ? 1 : -1))[0];
  return latest(earlier.filter((r) => r.year === current.year - 1)) ?? latest(earlier);
}
