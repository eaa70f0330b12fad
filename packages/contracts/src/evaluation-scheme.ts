import { z } from 'zod';
import { SUMMED_FIGURES, type FigureKey } from './figures';
import { evaluationSchemeSchema, INDICATOR_FORMULAS, type EvaluationScheme, type IndicatorKey } from './evaluation';

/**
 * Schemes as the committee keeps them: each version of a scheme (code + scheme version) is a
 * record; a version a run has used is frozen, and changes go into a new version copied from it.
 */

/** The T reasons the platform gives by itself when it gathers a year (utilities, < 2 years in production): every scheme keeps them. */
export const AUTOMATIC_EXEMPT_REASONS = ['utility', 'newInProduction'] as const;

export interface SchemeProblem {
  path: (string | number)[];
  /** A message key, as the shared schemas' custom messages are (`evaluation.*`). */
  message: string;
}

/** Only amounts divide meaningfully: flows (税金, 能耗) and stocks (从业人员), not flags or rates. */
const isAmount = (key: FigureKey) => SUMMED_FIGURES.includes(key);

function duplicateCodes(list: { code: string }[], name: string): SchemeProblem[] {
  return list.flatMap((item, i) => (list.findIndex((other) => other.code === item.code) < i ? [{ path: [name, i, 'code'], message: 'evaluation.duplicateCode' }] : []));
}

/** A group after another that takes all its members first (规上 twice; 规下 with a threshold no lower than an earlier 规下's). */
function unreachableGroups(scheme: EvaluationScheme): SchemeProblem[] {
  return scheme.groups.flatMap((group, g) => {
    const m = group.membership;
    const shadowed = scheme.groups.slice(0, g).some(({ membership: earlier }) => {
      if (m.kind === 'aboveScale') return earlier.kind === 'aboveScale';
      if (m.kind === 'belowScale') return earlier.kind === 'belowScale' && earlier.minLandMu <= m.minLandMu;
      return false;
    });
    return shadowed ? [{ path: ['groups', g, 'membership'], message: 'evaluation.unreachableGroup' }] : [];
  });
}

function indicatorProblems(scheme: EvaluationScheme): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  scheme.groups.forEach((group, g) =>
    group.indicators.forEach((indicator, i) => {
      const at = ['groups', g, 'indicators', i];
      const { numerator, denominator } = indicator.formula;
      const predefined = INDICATOR_FORMULAS[indicator.key as IndicatorKey];
      if (predefined && JSON.stringify(predefined) !== JSON.stringify(indicator.formula)) out.push({ path: [...at, 'key'], message: 'evaluation.predefinedFormula' });
      if (!isAmount(numerator)) out.push({ path: [...at, 'formula', 'numerator'], message: 'evaluation.amountFigure' });
      if (denominator.some((term) => term !== 'landMu' && !isAmount(term))) out.push({ path: [...at, 'formula', 'denominator'], message: 'evaluation.amountFigure' });
      else if (new Set(denominator).size !== denominator.length) out.push({ path: [...at, 'formula', 'denominator'], message: 'evaluation.repeatedTerm' });
    }),
  );
  return out;
}

/**
 * What the schema alone cannot see, and a run would trip over or a reader misread: a formula
 * over flags or rates, a term counted twice, a methodology indicator given another formula, a
 * group no enterprise can reach, repeated item codes, a removed automatic T reason, a policy
 * number without its unit. Paths are as in the scheme, for the form to show beside the field.
 */
export function schemeProblems(scheme: EvaluationScheme): SchemeProblem[] {
  const reasons = scheme.exemptReasons.map((r) => r.code);
  return [
    ...unreachableGroups(scheme),
    ...indicatorProblems(scheme),
    ...duplicateCodes(scheme.adjustmentItems, 'adjustmentItems'),
    ...duplicateCodes(scheme.vetoItems, 'vetoItems'),
    ...duplicateCodes(scheme.exemptReasons, 'exemptReasons'),
    ...(AUTOMATIC_EXEMPT_REASONS.every((code) => reasons.includes(code)) ? [] : [{ path: ['exemptReasons'], message: 'evaluation.automaticReason' }]),
    ...scheme.policies.flatMap((p, i) => (p.value !== null && !p.unit ? [{ path: ['policies', i, 'unit'], message: 'evaluation.policyUnit' }] : [])),
  ];
}

/** A scheme as an admin may save it: the schema and the checks above. */
export const editableSchemeSchema = evaluationSchemeSchema.superRefine((scheme, ctx) => {
  for (const p of schemeProblems(scheme)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

/** One version of a scheme in the list: whether a run used it (then it is frozen) and which version it was copied from. */
export const schemeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  schemeVersion: z.number().int(),
  name: z.string(),
  reference: z.boolean(),
  frozen: z.boolean(),
  /** How many runs computed with this version. */
  runs: z.number().int(),
  basedOn: z.object({ id: z.string(), schemeVersion: z.number().int() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The row version, for optimistic concurrency. */
  version: z.number().int(),
});
export type SchemeSummary = z.infer<typeof schemeSummarySchema>;

export const schemeRecordSchema = schemeSummarySchema.extend({ scheme: evaluationSchemeSchema });
export type SchemeRecord = z.infer<typeof schemeRecordSchema>;

/** The whole scheme, saved at the row version it was read at; its code and version stay the row's. */
export const schemeUpdateSchema = z.strictObject({ version: z.number().int().min(1), scheme: editableSchemeSchema });
export type SchemeUpdate = z.infer<typeof schemeUpdateSchema>;
