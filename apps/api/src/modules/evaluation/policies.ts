import { type ClassPolicy, type EvaluationScheme, type PolicyRow } from '@yuanqu/contracts';

/** True when a policy of the class applies after `consecutive` years in it (policies without a range apply from the first). */
export function policyApplies(policy: ClassPolicy, consecutive: number | null): boolean {
  const range = policy.consecutive ?? null;
  if (range === null) return true;
  return consecutive !== null && consecutive >= range.min && (range.max === null || consecutive <= range.max);
}

/** The scheme's policies for a class (methodology §1, "Classes"), those tied to consecutive years only in their range. */
export function policiesFor(scheme: EvaluationScheme, cls: string | null, consecutive: number | null): PolicyRow[] {
  return scheme.policies.filter((p) => p.class === cls && policyApplies(p, consecutive)).map(({ lever, text, value, unit }) => ({ lever, text, value, unit }));
}

/** Years in the same class without a break: one more than last year's count when the class is the same, else 1; none for T and out of scope. */
export function consecutiveYears(cls: string | null, previous: { class: string | null; consecutive: number | null } | undefined): number | null {
  if (cls === null || cls === 'T') return null;
  return previous && previous.class === cls ? (previous.consecutive ?? 1) + 1 : 1;
}
