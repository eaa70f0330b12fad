import { formatPeriod } from '@yuanqu/contracts';
import type { Trx } from '../db/database';
import { insertRows } from '../db/dialect';
import { newId } from '../lib/ids';

/** Share of a year by the end of each month 2…12 (1-2月 together), lighter around the Spring Festival. */
const CUMULATIVE = [0.12, 0.205, 0.288, 0.373, 0.463, 0.545, 0.628, 0.715, 0.798, 0.885, 1];
const BATCH = 500;

/**
 * Counted monthly figures for every generated enterprise over whole years: 11 cumulative periods
 * a year with the headline figures filled (revenue, output, tax, energy, electricity, staff).
 * Written in batches so a million rows never sit in memory at once.
 */
export async function generateFigures(trx: Trx, enterprises: { id: string; scale: string }[], years: number[], rand: () => number, now: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < enterprises.length; i += BATCH) {
    const rows: object[] = [];
    for (const e of enterprises.slice(i, i + BATCH)) {
      let revenue = Math.round((e.scale === 'above' ? 30_000_000 : 5_000_000) * (0.3 + rand() * 3));
      const staff = Math.max(5, Math.round(revenue / 800_000));
      for (const year of years) {
        revenue = Math.round(revenue * (0.95 + rand() * 0.25));
        CUMULATIVE.forEach((share, m) => {
          const r = Math.round(revenue * share);
          rows.push({
            id: newId(),
            enterpriseId: e.id,
            period: formatPeriod({ year, month: m + 2 }),
            source: 'import',
            status: 'approved',
            mainRevenue: r,
            grossOutput: Math.round(r * 0.95),
            taxPaid: Math.round(r * 0.03),
            energyKgce: Math.round(r * 0.01),
            electricityKwh: Math.round(r * 0.05),
            employeesEnd: staff,
            warnings: '[]',
            warningsAcknowledged: 0,
            submittedAt: now,
            version: 1,
          });
        });
      }
    }
    await insertRows(trx, 'statReport', rows);
    written += rows.length;
  }
  return written;
}
