import type { EvaluationInput, EvaluationScheme, ResultRow } from '@yuanqu/contracts';
import { evaluate, type IndicatorResult } from './evaluation';
import { classFloors, explainResult, type ClassFloors } from './explain';
import type { EvaluationResultTable } from '../../db/schema';
import type { GatheredEnterprise } from './gather';

/** A result as read: with the reasons (consecutive years and policies are added on reading). */
export type StoredRow = Omit<ResultRow, 'consecutive' | 'policies'>;

/**
 * What a run keeps of a result beside the row's columns (id, group, status, total, rank, class),
 * as JSON. Weights come from the run's scheme copy, benchmarks and class floors from its basis,
 * and the reasons are derived on reading: 50,000 results are written in one run.
 */
export interface KeptResult {
  name: string;
  exemptReason: string | null;
  landMu: number | null;
  missing: StoredRow['missing'];
  adjustment: number;
  vetoes: string[];
  indicators: Pick<IndicatorResult, 'key' | 'value' | 'score' | 'handling'>[];
}

/** A result's columns in the result table. */
export type ResultColumns = Pick<EvaluationResultTable, 'enterpriseId' | 'groupKey' | 'status' | 'total' | 'rank' | 'class'>;
export type ComputedRow = Pick<StoredRow, keyof ResultColumns> & { kept: KeptResult };

/** What a run's results share, per group: each indicator's benchmark and where each class starts. */
export type RunBasis = Record<string, { benchmarks: Record<string, number | null>; floors: ClassFloors }>;

/** Evaluates the gathered enterprises under a scheme: each result as it is stored, and the run's basis. */
export function computeRows(scheme: EvaluationScheme, gathered: readonly GatheredEnterprise[]): { basis: RunBasis; rows: ComputedRow[] } {
  const run = evaluate(scheme, gathered.map((g) => g.input));
  const byId = new Map(gathered.map((g) => [g.input.enterpriseId, g]));
  const floors = classFloors(run.results);
  const basis: RunBasis = {};
  for (const b of run.bases) basis[b.groupKey] = { benchmarks: Object.fromEntries(b.indicators.map((i) => [i.key, i.benchmark])), floors: floors.get(b.groupKey) ?? {} };
  const rows = run.results.map((r): ComputedRow => {
    const g = byId.get(r.enterpriseId)!;
    return {
      enterpriseId: r.enterpriseId,
      groupKey: r.groupKey,
      status: r.status,
      total: r.total,
      rank: r.rank,
      class: r.class,
      kept: {
        name: g.name,
        exemptReason: r.exemptReason,
        landMu: g.input.landMu,
        missing: g.missing,
        adjustment: r.adjustment,
        vetoes: r.vetoes,
        indicators: r.indicators.map(({ key, value, score, handling }) => ({ key, value, score, handling })),
      },
    };
  });
  return { basis, rows };
}

/**
 * Reads a run's results: each with its indicators' weights and benchmarks and why it stands where
 * it does. A run stored before runs kept a basis (`basis` null) kept each result whole.
 */
export function resultReader(scheme: EvaluationScheme, basis: RunBasis | null): (columns: ResultColumns, kept: string | KeptResult) => StoredRow {
  const weights = new Map(scheme.groups.map((g) => [g.key, new Map(g.indicators.map((i) => [i.key, i.weight]))]));
  return (columns, kept) => {
    const body = typeof kept === 'string' ? (JSON.parse(kept) as KeptResult) : kept;
    if (basis === null) return body as unknown as StoredRow;
    const group = columns.groupKey === null ? undefined : basis[columns.groupKey];
    const weightOf = columns.groupKey === null ? undefined : weights.get(columns.groupKey);
    const indicators = body.indicators.map((i) => ({ key: i.key, weight: weightOf?.get(i.key) ?? 0, value: i.value, benchmark: group?.benchmarks[i.key] ?? null, score: i.score, handling: i.handling }));
    const { enterpriseId, groupKey, total, rank } = columns;
    const [status, klass] = [columns.status as StoredRow['status'], columns.class as StoredRow['class']];
    const why = explainResult(scheme, group?.floors, { status, class: klass, total, indicators });
    return {
      enterpriseId,
      groupKey,
      status,
      total,
      rank,
      class: klass,
      ...body,
      indicators,
      shortfalls: why.shortfalls.map(({ key, lost }) => ({ key, lost })),
      nextClass: why.nextClass,
    };
  };
}

/**
 * The inputs a run keeps for an enterprise, as JSON: its id is the row's, and what is empty (no
 * assigned group, no previous-year figures or land, no T, no vetoes or adjustments) is left out.
 */
export function keptInputs(input: EvaluationInput): string {
  const { enterpriseId: _id, groupKey, previousLandMu, previousFigures, exempt, vetoes, adjustments, ...always } = input;
  return JSON.stringify({
    ...always,
    ...(groupKey === null ? {} : { groupKey }),
    ...(previousLandMu === null ? {} : { previousLandMu }),
    ...(Object.keys(previousFigures).length === 0 ? {} : { previousFigures }),
    ...(exempt === null ? {} : { exempt }),
    ...(vetoes.length === 0 ? {} : { vetoes }),
    ...(adjustments.length === 0 ? {} : { adjustments }),
  });
}

/** The inputs a run kept for an enterprise (runs before `keptInputs` kept them whole, which reads the same). */
export function readInputs(enterpriseId: string, kept: string): EvaluationInput {
  const empty: Omit<EvaluationInput, 'aboveScale' | 'landMu' | 'figures'> = { enterpriseId, groupKey: null, previousLandMu: null, previousFigures: {}, exempt: null, vetoes: [], adjustments: [] };
  return { ...empty, ...(JSON.parse(kept) as Partial<EvaluationInput>) } as EvaluationInput;
}
