/**
 * Turns validation issues (a zod safeParse error, or the issues a VALIDATION answer carries)
 * into one translated message per form field, keyed by the dotted path ("qualifications.0.grantedOn").
 * Typed structurally so the web app needs no direct zod dependency.
 */

export interface IssueLike {
  code?: string;
  path: readonly PropertyKey[] | string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** false when the bound itself is not allowed (a positive number: more than 0). */
  inclusive?: boolean;
}

export type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Custom messages the shared schemas use (contracts/enterprise.ts, auth.ts, platform.ts, targets.ts, land.ts, evaluation*.ts), mapped to locale keys. */
const MESSAGE_KEYS: Record<string, string> = {
  'uscc.length': 'validation.uscc.length',
  'uscc.charset': 'validation.uscc.charset',
  'uscc.division': 'validation.uscc.division',
  'uscc.orgCode': 'validation.uscc.orgCode',
  'uscc.checkChar': 'validation.uscc.checkChar',
  'industry.code': 'validation.industryCode',
  phone: 'validation.phone',
  'YYYY-MM-DD': 'validation.date',
  username: 'validation.username',
  'unit.code': 'validation.unitCode',
  'factory.code': 'factories.form.codeFormat',
  'target.years': 'validation.targetYears',
  ...Object.fromEntries(
    [
      'methodDirection',
      'sharesSum',
      'thresholdOrder',
      'duplicateIndicator',
      'duplicateGroup',
      'duplicateCode',
      'automaticReason',
      'policyUnit',
      'amountFigure',
      'repeatedTerm',
      'predefinedFormula',
      'unreachableGroup',
      'fixedIdentity',
      'consecutiveOrder',
    ].map((key) => [`evaluation.${key}`, `schemes.validation.${key}`]),
  ),
};

export function pathKey(path: IssueLike['path']): string {
  return typeof path === 'string' ? path : path.map(String).join('.');
}

/** One issue in words a clerk understands. */
export function issueMessage(issue: IssueLike, t: Translate): string {
  const known = MESSAGE_KEYS[issue.message];
  if (known) return t(known);
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.minLength', { min });
      if (issue.origin === 'array') return t('validation.required');
      return issue.inclusive === false ? t('validation.greaterThan', { min }) : t('validation.min', { min });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max });
      if (issue.origin === 'array') return t('validation.maxItems', { max });
      return t('validation.max', { max });
    case 'invalid_value':
      return t('validation.select');
    // Forms hold null for an empty input, so a wrong type here means "nothing entered".
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** The first message for each field path. */
export function fieldErrors(issues: readonly IssueLike[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!(key in out)) out[key] = issueMessage(issue, t);
  }
  return out;
}

function isIssue(value: unknown): value is IssueLike {
  const v = value as IssueLike | null;
  return !!v && typeof v.message === 'string' && (typeof v.path === 'string' || Array.isArray(v.path));
}

/** The issues of a VALIDATION answer: `details` is the issue list, or holds it as `details.issues`. */
export function issuesFromDetails(details: unknown): IssueLike[] {
  const list = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  return Array.isArray(list) ? list.filter(isIssue) : [];
}
