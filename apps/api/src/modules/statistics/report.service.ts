import {
  FIGURE_BY_KEY,
  FIGURE_KEYS,
  growth,
  periodsOfYear,
  samePeriodLastYear,
  type EnterpriseFigures,
  latestClosedPeriod,
  nextPeriodInYear,
  previousPeriodInYear,
  type FigureValues,
  type FigureWarning,
  type Report,
  type ReportList,
  type ReportListQuery,
  type ReportSubmit,
  type StatisticsSettings,
} from '@yuanqu/contracts';
import type { Db, Trx } from '../../db/database';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { enterpriseAccounts, notify } from '../notification/notification.repository';
import { readSetting, writeSetting } from '../setting/setting.repository';
import { checkFigures } from './checks';
import { presentReport } from './report.presenter';
import * as repo from './report.repository';
import { localDate } from '../../lib/clock';

export interface StatisticsDeps {
  db: Db;
}

const SETTINGS_KEY = 'statistics';
export const DEFAULT_SETTINGS: Omit<StatisticsSettings, 'version'> = { jumpFactor: 3, deadlineDay: 10, deadlineOverrides: {} };

export async function getSettings(db: Db | Trx): Promise<StatisticsSettings> {
  const { value, version } = await readSetting(db, SETTINGS_KEY, DEFAULT_SETTINGS);
  return { ...value, version };
}

export async function updateSettings(deps: StatisticsDeps, ctx: RequestContext, input: StatisticsSettings): Promise<StatisticsSettings> {
  const { version, ...value } = input;
  await deps.db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    if (!(await writeSetting(trx, SETTINGS_KEY, value, version, ctx.clock.now().toISOString()))) throw conflict(before);
    await appendAudit(trx, [auditEvent(ctx, 'setting.update', { entityType: 'setting', entityId: SETTINGS_KEY, detail: { old: before, new: value } })]);
  });
  return getSettings(deps.db);
}

/** The warnings for figures of a period, judged against what already counts for the months before. */
async function warningsFor(db: Db | Trx, enterpriseId: string, period: string, values: FigureValues): Promise<FigureWarning[]> {
  const previous = previousPeriodInYear(period);
  const beforePrevious = previous ? previousPeriodInYear(previous) : null;
  const next = nextPeriodInYear(period);
  const counted = await repo.countedFigures(db, enterpriseId, [previous, beforePrevious, next].filter((p): p is string => p !== null));
  const valuesAt = (p: string | null) => (p && counted.has(p) ? repo.valuesOf(counted.get(p)!) : null);
  const { jumpFactor } = await getSettings(db);
  return checkFigures({
    values,
    previous: valuesAt(previous),
    beforePrevious: valuesAt(beforePrevious),
    next: valuesAt(next),
    previousIsTwoMonths: previous?.endsWith('-02') ?? false,
    jumpFactor,
  });
}

function unacknowledged(warnings: FigureWarning[]): AppError {
  return new AppError('WARNINGS_UNACKNOWLEDGED', 'the figures need a second look; confirm the warnings to go on', { warnings });
}

async function enterpriseFor(db: Db, viewer: Viewer, id: string) {
  const e = await db
    .selectFrom('enterprise')
    .innerJoin('unit', 'unit.id', 'enterprise.unitId')
    .select(['enterprise.id', 'enterprise.status', 'unit.path as unitPath'])
    .where('enterprise.id', '=', id)
    .executeTakeFirst();
  if (!e || !enterpriseInScope(viewer, e)) throw notFound('enterprise');
  return e;
}

async function getRecord(db: Db | Trx, viewer: Viewer, id: string): Promise<repo.ReportRecord> {
  const r = await repo.findReport(db, id);
  if (!r || !enterpriseInScope(viewer, { id: r.enterpriseId, unitPath: r.unitPath })) throw notFound('report');
  return r;
}

export async function getReport(deps: StatisticsDeps, viewer: Viewer, id: string): Promise<Report> {
  return presentReport(await getRecord(deps.db, viewer, id), viewer);
}

export async function listReports(deps: StatisticsDeps, viewer: Viewer, query: ReportListQuery): Promise<ReportList> {
  const { rows, total } = await repo.listReports(deps.db, viewer, query);
  return { items: rows.map((r) => presentReport(r, viewer)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * An enterprise's report waits for review (a newer one replaces its pending one); figures a
 * committee member enters count at once, once they have confirmed the warnings they were shown.
 */
export async function submitReport(deps: StatisticsDeps, ctx: RequestContext, input: ReportSubmit): Promise<Report> {
  const viewer = ctx.viewer!;
  const enterprise = await enterpriseFor(deps.db, viewer, input.enterpriseId);
  if (enterprise.status !== 'active') throw new AppError('VALIDATION', 'the enterprise is archived', { field: 'enterpriseId' });
  const now = ctx.clock.now().toISOString();
  if (input.period > latestClosedPeriod(localDate(ctx.clock.now()))) throw new AppError('VALIDATION', 'the period has not ended yet', { field: 'period' });
  const values = Object.fromEntries(FIGURE_KEYS.filter((k) => input.values[k] !== undefined).map((k) => [k, input.values[k]])) as FigureValues;
  if (!Object.values(values).some((v) => v !== null)) throw new AppError('VALIDATION', 'report at least one figure', { field: 'values' });
  const byEnterprise = viewer.role === 'enterprise';
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const warnings = await warningsFor(trx, enterprise.id, input.period, values);
    if (!byEnterprise && warnings.length > 0 && !input.acknowledgeWarnings) throw unacknowledged(warnings);
    await repo.supersede(trx, enterprise.id, input.period, byEnterprise ? 'pending' : 'approved', now);
    const row: repo.ReportRow = {
      id,
      enterpriseId: enterprise.id,
      period: input.period,
      source: byEnterprise ? 'portal' : 'staff',
      status: byEnterprise ? 'pending' : 'approved',
      ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, values[k] ?? null])),
      warnings: JSON.stringify(warnings),
      warningsAcknowledged: !byEnterprise && warnings.length > 0 ? 1 : 0,
      note: input.note,
      returnReason: null,
      submittedBy: viewer.username,
      submittedAt: now,
      reviewedBy: byEnterprise ? null : viewer.username,
      reviewedAt: byEnterprise ? null : now,
      importBatchId: null,
      version: 1,
    } as repo.ReportRow;
    await repo.insertReport(trx, row);
    const detail = { enterpriseId: enterprise.id, period: input.period, values, warnings: warnings.map((w) => w.code) };
    await appendAudit(trx, [auditEvent(ctx, 'statReport.submit', { entityType: 'statReport', entityId: id, detail })]);
  });
  return getReport(deps, viewer, id);
}

async function review(deps: StatisticsDeps, ctx: RequestContext, id: string, version: number, decide: (trx: Trx, r: repo.ReportRecord) => Promise<Partial<repo.ReportRow>>) {
  const viewer = ctx.viewer!;
  await deps.db.transaction().execute(async (trx) => {
    const r = await getRecord(trx, viewer, id);
    if (r.status !== 'pending' || r.version !== version) throw conflict(presentReport(r, viewer));
    const set = await decide(trx, r);
    if (!(await repo.updateReport(trx, id, version, { ...set, reviewedBy: viewer.username, reviewedAt: ctx.clock.now().toISOString() }))) {
      throw conflict(presentReport((await repo.findReport(trx, id))!, viewer));
    }
    if (set.status === 'returned') {
      const users = (await enterpriseAccounts(trx, [r.enterpriseId])).get(r.enterpriseId) ?? [];
      const params = { period: r.period, reason: set.returnReason ?? null, reportId: r.id };
      await notify(trx, users.map((userId) => ({ userId, kind: 'reportReturned' as const, params, ref: r.id })), ctx.clock.now().toISOString());
    }
    const action = set.status === 'approved' ? 'statReport.approve' : 'statReport.return';
    await appendAudit(trx, [auditEvent(ctx, action, { entityType: 'statReport', entityId: id, detail: { enterpriseId: r.enterpriseId, period: r.period, reason: set.returnReason ?? null } })]);
  });
  return getReport(deps, viewer, id);
}

/** Passes a pending report: it replaces what counted for its period. Warnings are judged afresh. */
export function approveReport(deps: StatisticsDeps, ctx: RequestContext, id: string, version: number, acknowledgeWarnings: boolean): Promise<Report> {
  return review(deps, ctx, id, version, async (trx, r) => {
    const counted = (await repo.countedFigures(trx, r.enterpriseId, [r.period])).get(r.period);
    if (counted && counted.submittedAt > r.submittedAt) {
      throw new AppError('CONFLICT', 'newer figures for this period already count; return this report instead', { reason: 'newerCounted', current: presentReport(r, ctx.viewer!) });
    }
    const warnings = await warningsFor(trx, r.enterpriseId, r.period, repo.valuesOf(r));
    if (warnings.length > 0 && !acknowledgeWarnings) throw unacknowledged(warnings);
    await repo.supersede(trx, r.enterpriseId, r.period, 'approved', ctx.clock.now().toISOString());
    return { status: 'approved', warnings: JSON.stringify(warnings), warningsAcknowledged: warnings.length > 0 ? 1 : 0 };
  });
}

export function returnReport(deps: StatisticsDeps, ctx: RequestContext, id: string, version: number, reason: string): Promise<Report> {
  return review(deps, ctx, id, version, async () => ({ status: 'returned', returnReason: reason }));
}

/** An enterprise's counted figures for a year: cumulative values, 当月 by difference, 同比. */
export async function enterpriseFigures(deps: StatisticsDeps, viewer: Viewer, enterpriseId: string, year: number): Promise<EnterpriseFigures> {
  await enterpriseFor(deps.db, viewer, enterpriseId);
  const periods = periodsOfYear(year);
  const counted = await repo.countedFigures(deps.db, enterpriseId, [...periodsOfYear(year - 1), ...periods]);
  const valuesAt = (p: string | null) => (p && counted.has(p) ? repo.valuesOf(counted.get(p)!) : null);
  const out: EnterpriseFigures['periods'] = [];
  for (const period of periods) {
    const row = counted.get(period);
    if (!row) continue;
    const values = repo.valuesOf(row);
    const previousPeriod = previousPeriodInYear(period);
    const previous = previousPeriod ? valuesAt(previousPeriod) : {};
    const lastYear = valuesAt(samePeriodLastYear(period));
    const month: Record<string, number | null> = {};
    const yoy: Record<string, number | null> = {};
    for (const k of FIGURE_KEYS) {
      const v = values[k] ?? null;
      const flow = FIGURE_BY_KEY.get(k)!.kind === 'flow';
      const before = previous === null ? null : previousPeriod === null ? 0 : (previous[k] ?? null);
      month[k] = !flow || v === null ? null : before === null ? null : v - before;
      yoy[k] = flow || FIGURE_BY_KEY.get(k)!.kind === 'stock' ? growth(v, lastYear?.[k]) : null;
    }
    out.push({ period, reportId: row.id, values, month, yoy });
  }
  return { enterpriseId, year, periods: out };
}
