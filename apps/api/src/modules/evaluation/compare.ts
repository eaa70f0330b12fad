import { CLASS_LABELS, STANDINGS, type ClassLabel, type EvaluationComparison, type Movement, type RunResult, type Standing } from '@yuanqu/contracts';

/** What the comparison reads of a result. */
export type CompareEntry = Pick<RunResult, 'enterpriseId' | 'name' | 'unitName' | 'status' | 'class' | 'groupKey' | 'total' | 'rank'>;

const isClass = (s: Standing): s is ClassLabel => (CLASS_LABELS as readonly string[]).includes(s);

/** A result's standing: its class A–D (vetoed ones are D), T, out of scope, or absent from the run. */
export function standingOf(entry: CompareEntry | undefined): Standing {
  if (!entry) return 'absent';
  if (entry.status === 'exempt') return 'T';
  if (entry.status === 'outOfScope') return 'outOfScope';
  return entry.class as ClassLabel;
}

/**
 * The movement between two standings: up or down a class (A > B > C > D), the same class,
 * entered the classes (from T, out of scope or absent), left them, or classed in neither.
 */
export function movementOf(from: Standing, to: Standing): Movement {
  if (isClass(from) && isClass(to)) {
    const step = CLASS_LABELS.indexOf(from) - CLASS_LABELS.indexOf(to);
    return step > 0 ? 'up' : step < 0 ? 'down' : 'same';
  }
  if (isClass(to)) return 'entered';
  if (isClass(from)) return 'left';
  return 'unclassed';
}

const side = (entry: CompareEntry | undefined) => ({ standing: standingOf(entry), groupKey: entry?.groupKey ?? null, total: entry?.total ?? null, rank: entry?.rank ?? null });

/**
 * Every enterprise of either run with its standing in each and its movement (by name), and how
 * many went from each standing to each other (in the order of STANDINGS; empty pairs left out).
 * The later run's name and park are shown when the enterprise is in both.
 */
export function compareResults(from: readonly CompareEntry[], to: readonly CompareEntry[]): Pick<EvaluationComparison, 'enterprises' | 'transitions'> {
  const before = new Map(from.map((e) => [e.enterpriseId, e]));
  const after = new Map(to.map((e) => [e.enterpriseId, e]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const enterprises = ids.map((id) => {
    const [a, b] = [before.get(id), after.get(id)];
    const named = (b ?? a)!;
    const [x, y] = [side(a), side(b)];
    return { enterpriseId: id, name: named.name, unitName: named.unitName, from: x, to: y, movement: movementOf(x.standing, y.standing) };
  });
  enterprises.sort((p, q) => p.name.localeCompare(q.name, 'zh-CN') || (p.enterpriseId < q.enterpriseId ? -1 : 1));
  const counts = new Map<string, number>();
  for (const e of enterprises) counts.set(`${e.from.standing}>${e.to.standing}`, (counts.get(`${e.from.standing}>${e.to.standing}`) ?? 0) + 1);
  const transitions = STANDINGS.flatMap((f) => STANDINGS.map((t) => ({ from: f, to: t, count: counts.get(`${f}>${t}`) ?? 0 }))).filter((t) => t.count > 0);
  return { enterprises, transitions };
}
