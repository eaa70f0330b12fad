import { readsPreviousYear, type ClassLabel, type EvaluationGroup, type EvaluationInput, type EvaluationScheme, type Indicator } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';
import { rankAndClassify } from './classes';
import { benchmarkOf, indicatorValue, mean, scoreValue, type ScoringBasis } from './scoring';

/** How an indicator's score came about: scored from its value, or a missing-data rule. */
export type IndicatorHandling = 'scored' | 'zero' | 'groupAverage' | 'excluded';

export interface IndicatorResult {
  key: string;
  weight: number;
  value: number | null;
  benchmark: number | null;
  /** The method's score (after cap and floor), or the missing rule's; 0 when excluded. */
  score: number;
  handling: IndicatorHandling;
  capped: boolean;
}

/** `ranked` members are ranked and classed; `vetoed` ones are scored and put in D; `exempt` is T; `outOfScope` fits no group. */
export type ResultStatus = 'ranked' | 'vetoed' | 'exempt' | 'outOfScope';

export interface EnterpriseResult {
  enterpriseId: string;
  groupKey: string | null;
  status: ResultStatus;
  indicators: IndicatorResult[];
  /** Total weight ÷ the weight of indicators not excluded; indicator scores are multiplied by it. */
  renormalisation: number;
  adjustment: number;
  /** Σ indicator scores × renormalisation + 加分 − 减分, to 6 decimals; null for T and out of scope. */
  total: number | null;
  rank: number | null;
  class: ClassLabel | 'T' | null;
  exemptReason: string | null;
  vetoes: string[];
}

export interface GroupBasis {
  groupKey: string;
  indicators: (ScoringBasis & { key: string })[];
}

export interface EvaluationRun {
  results: EnterpriseResult[];
  bases: GroupBasis[];
}

const byId = (a: { enterpriseId: string }, b: { enterpriseId: string }) => (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function groupOf(scheme: EvaluationScheme, input: EvaluationInput): EvaluationGroup | null {
  if (input.groupKey !== null) {
    const group = scheme.groups.find((g) => g.key === input.groupKey && g.membership.kind === 'assigned');
    if (!group) throw new AppError('VALIDATION', `no assigned group ${input.groupKey}`, { enterpriseId: input.enterpriseId });
    return group;
  }
  return (
    scheme.groups.find((g) => {
      if (g.membership.kind === 'aboveScale') return input.aboveScale;
      if (g.membership.kind === 'belowScale') return !input.aboveScale && input.landMu !== null && input.landMu >= g.membership.minLandMu;
      return false;
    }) ?? null
  );
}

const known = (items: readonly { code: string }[], code: string) => items.some((i) => i.code === code);

function checkCodes(scheme: EvaluationScheme, input: EvaluationInput): void {
  const bad = [
    ...(input.exempt && !known(scheme.exemptReasons, input.exempt.reason) ? [input.exempt.reason] : []),
    ...input.vetoes.filter((v) => !known(scheme.vetoItems, v.code)).map((v) => v.code),
    ...input.adjustments.filter((a) => !known(scheme.adjustmentItems, a.code)).map((a) => a.code),
  ];
  if (bad.length > 0) throw new AppError('VALIDATION', `codes not in the scheme: ${bad.join(', ')}`, { enterpriseId: input.enterpriseId, codes: bad });
}

/** 加分 − 减分, each item's points capped at its maximum. */
function adjustmentOf(scheme: EvaluationScheme, input: EvaluationInput): number {
  return input.adjustments.reduce((sum, a) => {
    const item = scheme.adjustmentItems.find((i) => i.code === a.code)!;
    const points = item.maxPoints === null ? a.points : Math.min(a.points, item.maxPoints);
    return sum + (item.kind === 'bonus' ? points : -points);
  }, 0);
}

function previousValues(indicator: Indicator, members: readonly EvaluationInput[]): number[] {
  const out: number[] = [];
  for (const m of members) {
    const v = indicatorValue(indicator.formula, m.previousFigures, m.previousLandMu ?? m.landMu);
    if (v !== null) out.push(v);
  }
  return out;
}

/** The least and greatest value, by a loop: `Math.min(...values)` overflows the stack for a large group. */
function extremes(values: readonly number[]): { min: number | null; max: number | null } {
  if (values.length === 0) return { min: null, max: null };
  let min = values[0]!;
  let max = values[0]!;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

function scoreIndicator(indicator: Indicator, members: readonly EvaluationInput[]): { basis: ScoringBasis; results: IndicatorResult[] } {
  const values = members.map((m) => indicatorValue(indicator.formula, m.figures, m.landMu));
  const present = values.filter((v): v is number => v !== null);
  const { method } = indicator;
  // Previous-year values only feed a previous-year benchmark.
  const previous = readsPreviousYear(indicator) ? previousValues(indicator, members) : [];
  const basis: ScoringBasis = {
    benchmark: method.kind === 'minMax' ? null : benchmarkOf(method.benchmark, present, previous),
    ...extremes(present),
  };
  const scored = values.map((value) => (value === null ? null : scoreValue(indicator, value, basis)));
  const average = mean(scored.filter((s) => s !== null).map((s) => s.score)) ?? 0;
  const { key, weight, missing } = indicator;
  const { benchmark } = basis;
  const unscored: Pick<IndicatorResult, 'score' | 'handling'> = missing === 'groupAverage' ? { score: average, handling: 'groupAverage' } : { score: 0, handling: missing === 'exclude' ? 'excluded' : 'zero' };
  // Literals rather than spreads: this runs once per member and indicator (300,000 times at province scale).
  const results = values.map((value, i): IndicatorResult => {
    const s = scored[i];
    if (s) return { key, weight, value, benchmark, score: s.score, handling: 'scored', capped: s.capped };
    return { key, weight, value, benchmark, score: unscored.score, handling: unscored.handling, capped: false };
  });
  return { basis, results };
}

function evaluateGroup(scheme: EvaluationScheme, group: EvaluationGroup, members: readonly EvaluationInput[]): { results: EnterpriseResult[]; basis: GroupBasis } {
  const perIndicator = group.indicators.map((indicator) => scoreIndicator(indicator, members));
  const totalWeight = group.indicators.reduce((sum, i) => sum + i.weight, 0);
  const results = members.map((member, m): EnterpriseResult => {
    const indicators = perIndicator.map((p) => p.results[m]!);
    const keptWeight = indicators.filter((r) => r.handling !== 'excluded').reduce((sum, r) => sum + r.weight, 0);
    const renormalisation = keptWeight > 0 ? totalWeight / keptWeight : 1;
    const adjustment = adjustmentOf(scheme, member);
    const total = round6(indicators.reduce((sum, r) => sum + r.score, 0) * renormalisation + adjustment);
    const vetoes = member.vetoes.map((v) => v.code);
    const status = vetoes.length > 0 ? 'vetoed' : 'ranked';
    return { enterpriseId: member.enterpriseId, groupKey: group.key, status, indicators, renormalisation, adjustment, total, rank: null, class: status === 'vetoed' ? 'D' : null, exemptReason: null, vetoes };
  });
  const ranked = results.filter((r) => r.status === 'ranked');
  const placements = rankAndClassify(
    ranked.map((r) => ({ enterpriseId: r.enterpriseId, total: r.total! })),
    scheme.classRule,
  );
  for (const r of ranked) Object.assign(r, placements.get(r.enterpriseId));
  return { results, basis: { groupKey: group.key, indicators: group.indicators.map((i, k) => ({ key: i.key, ...perIndicator[k]!.basis })) } };
}

/**
 * Evaluates one year under a scheme (methodology §1): groups the enterprises, scores each
 * group's indicators against the group's benchmarks, ranks and classes each group separately.
 * T enterprises are listed with their reason and neither scored nor ranked, nor counted in the
 * benchmarks; vetoed ones are scored, count in the benchmarks, are not ranked and are D.
 * Inputs are sorted by enterprise id first, so the run does not depend on their order.
 */
export function evaluate(scheme: EvaluationScheme, inputs: readonly EvaluationInput[]): EvaluationRun {
  const sorted = [...inputs].sort(byId);
  const duplicate = sorted.find((input, i) => i > 0 && input.enterpriseId === sorted[i - 1]!.enterpriseId);
  if (duplicate) throw new AppError('VALIDATION', `enterprise ${duplicate.enterpriseId} appears twice`);
  // Each result goes to its input's place, so the results come out in id order without a sort.
  const results: EnterpriseResult[] = new Array(sorted.length);
  const bases: GroupBasis[] = [];
  const blank = { indicators: [], renormalisation: 1, adjustment: 0, total: null, rank: null, vetoes: [] };
  const membersOf = new Map(scheme.groups.map((g) => [g.key, { inputs: [] as EvaluationInput[], places: [] as number[] }]));
  sorted.forEach((input, i) => {
    checkCodes(scheme, input);
    const group = groupOf(scheme, input);
    if (input.exempt) {
      results[i] = { ...blank, enterpriseId: input.enterpriseId, groupKey: group?.key ?? null, status: 'exempt', class: 'T', exemptReason: input.exempt.reason };
    } else if (!group) {
      results[i] = { ...blank, enterpriseId: input.enterpriseId, groupKey: null, status: 'outOfScope', class: null, exemptReason: null };
    } else {
      const members = membersOf.get(group.key)!;
      members.inputs.push(input);
      members.places.push(i);
    }
  });
  for (const group of scheme.groups) {
    const { inputs: members, places } = membersOf.get(group.key)!;
    const evaluated = evaluateGroup(scheme, group, members);
    evaluated.results.forEach((r, j) => (results[places[j]!] = r));
    bases.push(evaluated.basis);
  }
  return { results, bases };
}
