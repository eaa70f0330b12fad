import {
  latestClosedPeriod,
  targetInputSchema,
  type Department,
  type QualificationType,
  type Scale,
  type TargetEvaluation,
  type TargetInput,
  type TargetList,
  type TargetMetric,
  type TargetUnit,
  type TargetUpdate,
} from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { diff } from '../audit/audit';
import type { Viewer } from '../auth/viewer';
import { evaluateTarget } from './evaluate';
import { measureTarget, type TargetRow } from './measure';
import * as repo from './target.repository';
import { localDate } from '../../lib/clock';

/** The latest year whose 1-12月 period has closed. */
export function latestFullYear(today: string): number {
  const p = latestClosedPeriod(today);
  const year = Number(p.slice(0, 4));
  return p.endsWith('-12') ? year : year - 1;
}

function fieldsOf(t: TargetRow): TargetInput {
  return {
    name: t.name,
    metric: t.metric as TargetMetric,
    figure: t.figure as TargetInput['figure'],
    scale: t.scale as Scale | null,
    qualification: t.qualification as QualificationType | null,
    threshold: t.threshold,
    unit: t.unit as TargetUnit,
    targetValue: t.targetValue,
    baselineYear: t.baselineYear,
    targetYear: t.targetYear,
    trendOnly: t.trendOnly === 1,
    riskRatio: t.riskRatio,
    department: t.department as Department,
    source: t.source,
  };
}

async function evaluate(db: Db, viewer: Viewer, t: TargetRow, asOfYear: number): Promise<TargetEvaluation> {
  const fields = fieldsOf(t);
  const values = await measureTarget(db, viewer, t, asOfYear);
  const year = Math.max(asOfYear, t.baselineYear);
  const standing = evaluateTarget(fields, year, values.get(t.baselineYear) ?? null, values.get(year) ?? null);
  return {
    id: t.id,
    code: t.code,
    ...fields,
    status: t.status as 'active' | 'retired',
    version: t.version,
    asOfYear: year,
    ...standing,
    history: [...values].map(([y, value]) => ({ year: y, value })),
  };
}

export async function listEvaluations(db: Db, viewer: Viewer, today: string, query: { asOfYear?: number; status: 'active' | 'retired' | 'all' }): Promise<TargetList> {
  const asOfYear = query.asOfYear ?? latestFullYear(today);
  const rows = await repo.listTargets(db, query.status);
  const items: TargetEvaluation[] = [];
  for (const t of rows) items.push(await evaluate(db, viewer, t, asOfYear));
  return { asOfYear, items };
}

/** A metric needs its figure, qualification or threshold; a clear error names the missing one. */
function assertComplete(t: TargetInput): void {
  const needsFigure = ['sum', 'growth', 'share', 'mean', 'newLargeFirms'].includes(t.metric);
  if (needsFigure && !t.figure) throw new AppError('VALIDATION', 'this metric measures a figure', { field: 'figure' });
  if (t.metric === 'qualifications' && !t.qualification) throw new AppError('VALIDATION', 'choose the qualification', { field: 'qualification' });
  if (t.metric === 'newLargeFirms' && t.threshold === null) throw new AppError('VALIDATION', 'set the threshold', { field: 'threshold' });
}

export async function createTarget(db: Db, ctx: RequestContext, input: TargetInput): Promise<TargetEvaluation> {
  assertComplete(input);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const row = { id, code: `custom-${id}`, ...input, trendOnly: input.trendOnly ? 1 : 0, sortOrder: await repo.nextSortOrder(trx), status: 'active', version: 1, createdAt: now, updatedAt: now };
    await repo.insertTarget(trx, row);
    await appendAudit(trx, [auditEvent(ctx, 'target.create', { entityType: 'target', entityId: id, detail: { changes: diff({}, input) } })]);
  });
  return evaluate(db, ctx.viewer!, (await repo.findTarget(db, id))!, latestFullYear(localDate(ctx.clock.now())));
}

async function change(db: Db, ctx: RequestContext, id: string, version: number, next: (t: TargetRow) => { fields: TargetInput; status: string }, action: string): Promise<TargetEvaluation> {
  const before = await repo.findTarget(db, id);
  if (!before) throw notFound('target');
  const { fields, status } = next(before);
  const checked = targetInputSchema.safeParse(fields);
  if (!checked.success) throw new AppError('VALIDATION', 'the target is not valid', { issues: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  assertComplete(fields);
  const now = ctx.clock.now().toISOString();
  const saved = await db.transaction().execute(async (trx) => {
    const set = { ...fields, trendOnly: fields.trendOnly ? 1 : 0, status, updatedAt: now };
    if (!(await repo.updateTarget(trx, id, version, set))) return false;
    const changes = diff({ ...fieldsOf(before), status: before.status }, { ...fields, status });
    await appendAudit(trx, [auditEvent(ctx, action, { entityType: 'target', entityId: id, detail: { changes } })]);
    return true;
  });
  const current = await evaluate(db, ctx.viewer!, (await repo.findTarget(db, id))!, latestFullYear(localDate(ctx.clock.now())));
  if (!saved) throw conflict(current);
  return current;
}

export function updateTarget(db: Db, ctx: RequestContext, id: string, patch: TargetUpdate): Promise<TargetEvaluation> {
  const { version, ...changes } = patch;
  return change(db, ctx, id, version, (t) => ({ fields: { ...fieldsOf(t), ...changes }, status: t.status }), 'target.update');
}

export function setTargetStatus(db: Db, ctx: RequestContext, id: string, version: number, status: 'active' | 'retired'): Promise<TargetEvaluation> {
  return change(db, ctx, id, version, (t) => ({ fields: fieldsOf(t), status }), status === 'retired' ? 'target.retire' : 'target.restore');
}
