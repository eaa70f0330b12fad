import {
  editableSchemeSchema,
  INDICATOR_FORMULAS,
  type EvaluationGroup,
  type EvaluationScheme,
  type Indicator,
  type IndicatorKey,
} from '@yuanqu/contracts';
import { ApiError } from '../../api/client';
import { fieldErrors, issuesFromDetails, type Translate } from '../../utils/zod-errors';

/** The sum of a group's weights: the most points its indicators give, shown as the admin edits. */
export function weightSum(group: EvaluationGroup): number {
  return Math.round(group.indicators.reduce((sum, i) => sum + (Number.isFinite(i.weight) ? i.weight : 0), 0) * 1e6) / 1e6;
}

/** Problems with the edited scheme, keyed by path as in the scheme ("groups.0.indicators.1.weight"). */
export function validateScheme(scheme: EvaluationScheme, t: Translate): Record<string, string> {
  const result = editableSchemeSchema.safeParse(scheme);
  return result.success ? {} : fieldErrors(result.error.issues, t);
}

/** The problems a VALIDATION answer lists, keyed like validateScheme's (the server's paths start at the request body's `scheme`). */
export function serverErrors(details: unknown, t: Translate): Record<string, string> {
  const issues = issuesFromDetails(details).map((i) => ({ ...i, path: (typeof i.path === 'string' ? i.path : i.path.join('.')).replace(/^scheme\./, '') }));
  return fieldErrors(issues, t);
}

/** `prefix` + the smallest number not yet taken: custom1, bonus2 … (codes must be unique in their list). */
export function freeCode(prefix: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The methodology's indicators a group does not have yet. */
export function missingPredefined(group: EvaluationGroup): IndicatorKey[] {
  return (Object.keys(INDICATOR_FORMULAS) as IndicatorKey[]).filter((k) => !group.indicators.some((i) => i.key === k));
}

/** A new indicator for a group: a methodology one by its key, or a custom formula to fill in; ratio to the group's mean of the year. */
export function newIndicator(group: EvaluationGroup, predefined: IndicatorKey | null, name: string): Indicator {
  return {
    key: predefined ?? freeCode('custom', group.indicators.map((i) => i.key)),
    name,
    formula: structuredClone(predefined ? INDICATOR_FORMULAS[predefined] : { numerator: 'valueAdded', denominator: ['landMu'] }),
    weight: 10,
    direction: 'higher',
    method: { kind: 'ratio', benchmark: { kind: 'scopeMean', factor: 1, year: 'sameYear' }, cap: null },
    missing: 'zero',
  };
}

/** The sections of the scheme that differ between two versions (to say what someone else changed). */
export function changedSections(a: EvaluationScheme, b: EvaluationScheme): (keyof EvaluationScheme)[] {
  const keys: (keyof EvaluationScheme)[] = ['name', 'reference', 'groups', 'classRule', 'adjustmentItems', 'vetoItems', 'exemptReasons', 'policies'];
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Where a problem is, in words: "规上工业企业 · 亩均税收 · 权重", "政策 第 5 条 · 单位". */
export function placeOf(path: string, scheme: EvaluationScheme, t: Translate, te: (key: string) => boolean): string {
  const parts = path.split('.');
  const words: string[] = [];
  const field = (name: string) => (te(`schemes.fields.${name}`) ? t(`schemes.fields.${name}`) : name);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const index = Number(parts[i + 1]);
    if (part === 'groups' && Number.isInteger(index)) {
      words.push(scheme.groups[index]?.name ?? String(index + 1));
      i++;
    } else if (part === 'indicators' && Number.isInteger(index)) {
      const group = scheme.groups[Number(parts[i - 1])];
      words.push(group?.indicators[index]?.name || t('schemes.fields.indicatorNo', { n: index + 1 }));
      i++;
    } else if (Number.isInteger(index) && te(`schemes.sections.${part}`)) {
      words.push(t('schemes.fields.row', { section: t(`schemes.sections.${part}`), n: index + 1 }));
      i++;
    } else {
      words.push(te(`schemes.sections.${part}`) ? t(`schemes.sections.${part}`) : field(part));
    }
  }
  return words.join(' · ');
}

/** Why a delete was refused in words (the only version; versions were copied from it), or null for any other failure. */
export function deleteRefusal(error: unknown, t: Translate): string | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null;
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  return reason === 'onlyVersion' || reason === 'copiedFrom' ? t(`schemes.deleteRefused.${reason}`) : null;
}

/** A deep copy of plain data, Vue's reactive proxies included (structuredClone refuses those). */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
