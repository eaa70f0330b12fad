import { periodEnd, type Overdue, type ReminderResult, type StatisticsSettings } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { enterpriseAccounts, lastSent, notify } from '../notification/notification.repository';
import { getSettings } from './report.service';
import { localDate } from '../../lib/clock';

/** The last day to report a period: its own date if the committee set one, else the deadline day of the month after it. */
export function dueOn(period: string, settings: Pick<StatisticsSettings, 'deadlineDay' | 'deadlineOverrides'>): string {
  const own = settings.deadlineOverrides[period];
  if (own) return own;
  const deadlineDay = settings.deadlineDay;
  const end = new Date(`${periodEnd(period)}T00:00:00Z`);
  const due = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, deadlineDay));
  return due.toISOString().slice(0, 10);
}

const refOf = (period: string, enterpriseId: string) => `${period}/${enterpriseId}`;

/** Active enterprises in the viewer's scope with no report for the period counted or waiting for review. */
export async function listOverdue(db: Db, viewer: Viewer, period: string, today: string): Promise<Overdue> {
  return (await owing(db, viewer, period, today)).overdue;
}

/** The overdue list, with the active accounts of the enterprises on it (a reminder goes to them). */
async function owing(db: Db, viewer: Viewer, period: string, today: string): Promise<{ overdue: Overdue; accounts: Map<string, string[]> }> {
  const due = dueOn(period, await getSettings(db));
  const firms = await db
    .selectFrom('enterprise as e')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['e.id', 'e.name', 'e.uscc', 'e.unitId', 'u.path'])
    .where('e.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('statReport as r').select('r.id').whereRef('r.enterpriseId', '=', 'e.id').where('r.period', '=', period).where('r.status', 'in', ['pending', 'approved']),
        ),
      ),
    )
    .orderBy('e.name')
    .execute();
  const inScope = firms.filter((f) => unitInScope(viewer, f.path));
  const ids = inScope.map((f) => f.id);
  const returned = new Set(
    ids.length
      ? (await db.selectFrom('statReport').select('enterpriseId').where('period', '=', period).where('status', '=', 'returned').where('enterpriseId', 'in', ids).execute()).map((r) => r.enterpriseId)
      : [],
  );
  const reminded = await lastSent(db, 'reportDue', ids.map((id) => refOf(period, id)));
  const accounts = await enterpriseAccounts(db, ids);
  const overdue: Overdue = {
    period,
    dueOn: due,
    overdue: today > due,
    items: inScope.map((f) => ({
      enterpriseId: f.id,
      name: f.name,
      uscc: f.uscc,
      unitId: f.unitId,
      returned: returned.has(f.id),
      lastRemindedAt: reminded.get(refOf(period, f.id)) ?? null,
      hasAccount: accounts.has(f.id),
    })),
  };
  return { overdue, accounts };
}

/** Sends every account of the chosen enterprises that owe the report a reminder in the app. */
export async function remind(db: Db, ctx: RequestContext, period: string, only: string[] | undefined): Promise<ReminderResult> {
  const now = ctx.clock.now().toISOString();
  const { overdue, accounts } = await owing(db, ctx.viewer!, period, localDate(ctx.clock.now()));
  const chosen = overdue.items.filter((i) => !only || only.includes(i.enterpriseId));
  const messages = chosen.flatMap((c) =>
    (accounts.get(c.enterpriseId) ?? []).map((userId) => ({ userId, kind: 'reportDue' as const, params: { period, dueOn: overdue.dueOn, enterpriseName: c.name }, ref: refOf(period, c.enterpriseId) })),
  );
  await db.transaction().execute(async (trx) => {
    await notify(trx, messages, now);
    await appendAudit(trx, [auditEvent(ctx, 'statReport.remind', { entityType: 'statPeriod', entityId: period, detail: { enterprises: chosen.map((c) => c.enterpriseId), users: messages.length } })]);
  });
  return { enterprises: chosen.length, users: messages.length, withoutAccount: chosen.filter((c) => !accounts.has(c.enterpriseId)).length };
}
