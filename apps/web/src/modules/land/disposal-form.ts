import {
  disposalInputSchema,
  KINDS_WITH_INCOMING,
  milestoneInputSchema,
  type Department,
  type DisposalCase,
  type DisposalInput,
  type DisposalKind,
  type EfficiencyIndicator,
  type MilestoneInput,
} from '@yuanqu/contracts';
import { fieldErrors, type Translate } from '../../utils/zod-errors';

/** The case dialog: numbers as typed, an optional cited figure, and (for a new case) its first measures. */
export interface DisposalForm {
  kind: DisposalKind;
  title: string;
  enterpriseId: string | null;
  parcelIds: string[];
  reason: string;
  withFigure: boolean;
  indicator: EfficiencyIndicator;
  year: number;
  value: string;
  benchmark: string;
  incomingEnterpriseId: string | null;
  incomingProject: string;
  department: Department;
  responsiblePerson: string;
  startOn: string | null;
  deadlineOn: string | null;
  milestones: { title: string; dueOn: string | null; owner: string }[];
}

export function emptyDisposalForm(year: number): DisposalForm {
  return {
    kind: 'rectification', title: '', enterpriseId: null, parcelIds: [], reason: '', withFigure: false, indicator: 'taxPerMu', year: year - 1, value: '', benchmark: '',
    incomingEnterpriseId: null, incomingProject: '', department: 'land', responsiblePerson: '', startOn: null, deadlineOn: null, milestones: [],
  };
}

export function disposalFormFrom(c: DisposalCase): DisposalForm {
  return {
    kind: c.kind, title: c.title, enterpriseId: c.enterpriseId, parcelIds: [...c.parcelIds], reason: c.reason,
    withFigure: c.figure !== null, indicator: c.figure?.indicator ?? 'taxPerMu', year: c.figure?.year ?? Number(c.updatedAt.slice(0, 4)) - 1,
    value: c.figure ? String(c.figure.value) : '', benchmark: c.figure && c.figure.benchmark !== null ? String(c.figure.benchmark) : '',
    incomingEnterpriseId: c.incomingEnterpriseId, incomingProject: c.incomingProject ?? '', department: c.department,
    responsiblePerson: c.responsiblePerson ?? '', startOn: c.startOn, deadlineOn: c.deadlineOn, milestones: [],
  };
}

/** 腾笼换鸟 and 兼并提效 name who comes in; the other kinds do not. */
export const hasIncoming = (kind: DisposalKind): boolean => KINDS_WITH_INCOMING.includes(kind);

/** The 两断四清 measures of a closing firm (断水断电, 清原料, 清产品, 清设备, 清场地), as locale keys. */
export const TWO_CUTS_FOUR_CLEARS = ['cut', 'materials', 'products', 'equipment', 'site'] as const;

export type DisposalValidation = { ok: true; value: DisposalInput } | { ok: false; errors: Record<string, string> };

const parseNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(/,/g, '')));

/** The API body of the form, checked with the API's own schema; errors are keyed by the form's fields. */
export function validateDisposalForm(form: DisposalForm, t: Translate): DisposalValidation {
  const errors: Record<string, string> = {};
  const value = parseNumber(form.value);
  const benchmark = parseNumber(form.benchmark);
  if (form.withFigure) {
    if (value === null) errors.value = t('validation.required');
    else if (!Number.isFinite(value) || value < 0) errors.value = t('validation.invalid');
    if (benchmark !== null && (!Number.isFinite(benchmark) || benchmark < 0)) errors.benchmark = t('validation.invalid');
  }
  const incoming = hasIncoming(form.kind);
  const body = {
    kind: form.kind,
    title: form.title,
    enterpriseId: form.enterpriseId || null,
    parcelIds: form.parcelIds,
    reason: form.reason,
    figure: form.withFigure ? { indicator: form.indicator, year: form.year, value: value ?? 0, benchmark } : null,
    incomingEnterpriseId: incoming ? form.incomingEnterpriseId || null : null,
    incomingProject: incoming ? form.incomingProject.trim() || null : null,
    department: form.department,
    responsiblePerson: form.responsiblePerson.trim() || null,
    startOn: form.startOn || null,
    deadlineOn: form.deadlineOn || null,
    code: null,
    milestones: form.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn || null, owner: m.owner.trim() || null })),
  };
  const result = disposalInputSchema.safeParse(body);
  // The schema names the figure's numbers figure.value and figure.benchmark; the form shows them by their inputs.
  const schemaErrors = Object.entries(result.success ? {} : fieldErrors(result.error.issues, t)).map(([key, message]) => [key.replace(/^figure\./, ''), message]);
  const all: Record<string, string> = { ...Object.fromEntries(schemaErrors), ...errors };
  if (body.startOn && body.deadlineOn && body.deadlineOn < body.startOn) all.deadlineOn = t('disposal.problems.deadlineBeforeStart');
  if (!result.success || Object.keys(all).length) return { ok: false, errors: all };
  return { ok: true, value: result.data };
}

/** A measure added on a case's card, checked with the API's schema. */
export function validateMilestone(m: { title: string; dueOn: string | null; owner: string }, t: Translate): { ok: true; value: MilestoneInput } | { ok: false; errors: Record<string, string> } {
  const result = milestoneInputSchema.safeParse({ title: m.title, dueOn: m.dueOn || null, owner: m.owner.trim() || null });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error.issues, t) };
}
