import { formatPeriod } from '@yuanqu/contracts';
import type { Trx } from '../db/database';
import { insertRows } from '../db/dialect';
import { newId } from '../lib/ids';

/** Share of a year by the end of each month 2…12 (1-2月 together), lighter around the Spring Festival. */
const CUMULATIVE = [0.12, 0.205, 0.288, 0.373, 0.463, 0.545, 0.628, 0.715, 0.798, 0.885, 1];
const BATCH = 500;

/**
 * Counted monthly figures for every generated enterprise over whole years: 11 cumulative periods
 * a year. Each enterprise has its own tax, value-added, energy and electricity rates, so per-亩
 * and per-unit indicators spread as they do in a real park; about half report R&D and two in
 * three report emissions (the rest leave them empty: missing data for the 亩产效益 evaluation).
 * Written in batches so a million rows never sit in memory at once.
 */
export async function generateFigures(trx: Trx, enterprises: { id: string; scale: string }[], years: number[], rand: () => number, now: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < enterprises.length; i += BATCH) {
    const rows: object[] = [];
    for (const e of enterprises.slice(i, i + BATCH)) {
      let revenue = Math.round((e.scale === 'above' ? 30_000_000 : 5_000_000) * (0.3 + rand() * 3));
      const staff = Math.max(5, Math.round(revenue / 800_000));
      const rate = { tax: 0.01 + rand() * 0.05, valueAdded: 0.15 + rand() * 0.2, energy: 0.004 + rand() * 0.016, kwh: 0.02 + rand() * 0.08 };
      const rd = rand() < 0.5 ? 0.005 + rand() * 0.045 : null;
      const emission = rand() < 0.65 ? 0.00005 + rand() * 0.0004 : null;
      const part = (r: number, factor: number | null, share = 1) => (factor === null ? null : Math.round(r * factor * share));
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
            operatingRevenue: Math.round(r * 1.04),
            grossOutput: Math.round(r * 0.95),
            valueAdded: Math.round(r * rate.valueAdded),
            taxPaid: Math.round(r * rate.tax),
            employeesEnd: staff,
            employeesAvg: staff,
            rdExpense: part(r, rd),
            energyKgce: Math.round(r * rate.energy),
            electricityKwh: Math.round(r * rate.kwh),
            codKg: part(r, emission, 0.5),
            ammoniaKg: part(r, emission, 0.05),
            so2Kg: part(r, emission, 0.2),
            noxKg: part(r, emission, 0.25),
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
