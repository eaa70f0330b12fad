import { FIGURE_KEYS, latestClosedPeriod, periodEnd, previousPeriodInYear } from '@yuanqu/contracts';
import type { Trx } from '../db/database';
import { insertRows } from '../db/dialect';
import type { StatReportTable } from '../db/schema';
import { localDate } from '../lib/clock';
import { newId } from '../lib/ids';
import { checkFigures } from '../modules/statistics/checks';
import { valuesOf } from '../modules/statistics/report.repository';
import { DEFAULT_SETTINGS } from '../modules/statistics/report.service';
import { demoFigures, type DemoFigureRow, type DemoFirm } from './demo-figures';

/** Firms (by USCC body) that have not reported the latest period yet, and those whose report waits for review. */
const UNREPORTED = ['70554612', '70554975'];
const PENDING = ['70551826', 'MA35R2K7', '70550873'];
/** A typo in the pending report of this firm: its month is five times the month before. */
const JUMPS = '70550873';
/** This firm corrected its 2024 1-6月 report: the first version stays in the history, superseded. */
const CORRECTED = { body: '70553518', period: '2024-06' };

/** Days after a period's end, but never later than `cap` (the demo is loaded at any time of a month). */
function daysAfter(period: string, days: number, cap: string): string {
  const at = new Date(Date.parse(`${periodEnd(period)}T02:00:00Z`) + days * 86_400_000).toISOString();
  return at < cap ? at : cap;
}

function reportRow(r: DemoFigureRow, cap: string, fields: Partial<StatReportTable>): StatReportTable {
  const at = daysAfter(r.period, 8, cap);
  return {
    id: newId(),
    enterpriseId: r.enterpriseId,
    period: r.period,
    source: 'import',
    status: 'approved',
    ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, r.values[k] ?? null])) as Record<(typeof FIGURE_KEYS)[number], number | null>),
    warnings: '[]',
    warningsAcknowledged: 0,
    note: null,
    returnReason: null,
    submittedBy: 'stats',
    submittedAt: at,
    reviewedBy: 'stats',
    reviewedAt: at,
    importBatchId: null,
    version: 1,
    ...fields,
  };
}

/**
 * The demo base's statistical reports up to the last closed month: counted figures for every
 * period, the latest period still open for two firms and waiting for review for three, and one
 * corrected report with its first version kept.
 */
export async function seedDemoFigures(trx: Trx, firms: DemoFirm[], now: Date): Promise<number> {
  const latest = latestClosedPeriod(localDate(now));
  const cap = new Date(now.getTime() - 60_000).toISOString();
  const bodyOf = new Map(firms.map((f) => [f.id, f.uscc.slice(8, 16)]));
  const rows: StatReportTable[] = [];
  for (const r of demoFigures(firms, latest)) {
    const body = bodyOf.get(r.enterpriseId)!;
    if (r.period === latest && UNREPORTED.includes(body)) continue;
    if (r.period === latest && PENDING.includes(body)) {
      rows.push(pendingRow(r, body === JUMPS, rows, cap));
      continue;
    }
    if (r.period === CORRECTED.period && body === CORRECTED.body) {
      const typo = { ...r, values: { ...r.values, mainRevenue: Math.round(r.values.mainRevenue! * 10) } };
      rows.push(reportRow(typo, cap, { status: 'superseded', version: 2 }));
      rows.push(reportRow(r, cap, { note: '更正：1-6月主营业务收入多录一位', submittedAt: daysAfter(r.period, 13, cap) }));
      continue;
    }
    rows.push(reportRow(r, cap, {}));
  }
  await insertRows(trx, 'statReport', rows);
  return rows.length;
}

function pendingRow(r: DemoFigureRow, jump: boolean, earlier: StatReportTable[], cap: string): StatReportTable {
  const counted = (period: string | null) => {
    const row = period ? earlier.find((e) => e.enterpriseId === r.enterpriseId && e.period === period && e.status === 'approved') : undefined;
    return row ? valuesOf(row) : null;
  };
  const previousPeriod = previousPeriodInYear(r.period);
  const previous = counted(previousPeriod);
  const beforePrevious = counted(previousPeriod ? previousPeriodInYear(previousPeriod) : null);
  const twoMonths = previousPeriod?.endsWith('-02') ?? false;
  const values = { ...r.values };
  if (jump && previous?.mainRevenue != null && (twoMonths || beforePrevious?.mainRevenue != null)) {
    const lastMonth = twoMonths ? previous.mainRevenue / 2 : previous.mainRevenue - beforePrevious!.mainRevenue!;
    values.mainRevenue = Math.round(previous.mainRevenue + lastMonth * 5);
  }
  const warnings = checkFigures({ values, previous, beforePrevious, previousIsTwoMonths: twoMonths, jumpFactor: DEFAULT_SETTINGS.jumpFactor });
  const at = daysAfter(r.period, 3, cap);
  return reportRow({ ...r, values }, cap, { source: 'portal', status: 'pending', warnings: JSON.stringify(warnings), submittedAt: at, submittedBy: null, reviewedBy: null, reviewedAt: null });
}
