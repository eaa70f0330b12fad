import { DEFAULT_SCHEME, FIGURE_KEYS, SQM_PER_MU, type EvaluationScheme } from '@yuanqu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database';
import { ManualClock } from '../lib/clock';
import { gatherInputs, type GatheredEnterprise } from '../modules/evaluation/gather';
import { removeDatabase, resetDatabase, T0, testConfig } from '../test/harness';
import { runGenerate } from './generate';

const config = testConfig();
let h: DatabaseHandle;
let gathered: GatheredEnterprise[];
const mu = (sqm: number) => Math.round((sqm / SQM_PER_MU) * 100) / 100;

/** The reference scheme with 规上's 亩均税收 benchmarked on the previous year and a custom 亩均利润 (profit may be negative). */
const scheme: EvaluationScheme = structuredClone(DEFAULT_SCHEME);
const above = scheme.groups[0]!.indicators;
above[0]!.method = { kind: 'ratio', benchmark: { kind: 'scopeMean', factor: 1, year: 'previousYear' }, cap: null };
above.push({ ...above[1]!, key: 'profitPerMu', name: '亩均利润', formula: { numerator: 'totalProfit', denominator: ['landMu'] } });

beforeAll(async () => {
  await resetDatabase(config);
  await migrateToLatest(config.database);
  // T0 is in 2026: two whole years of figures, 2024 and 2025.
  expect(await runGenerate(config, { parks: 2, enterprises: 400, years: 2, industrial: true, land: true }, new ManualClock(T0))).toBe(0);
  h = openDatabase(config.database);
  gathered = await gatherInputs(h.db, { unitPaths: null }, 2025, scheme);
});
afterAll(async () => {
  await h.close();
  removeDatabase(config);
});

describe('yuanqu generate --industrial --land', () => {
  it('gives the 亩产效益 evaluation every generated enterprise, in both groups, with T and some under 3 亩', () => {
    expect(gathered).toHaveLength(400);
    const inputs = gathered.map((g) => g.input);
    expect(inputs.some((i) => i.aboveScale) && inputs.some((i) => !i.aboveScale)).toBe(true);
    expect(inputs.filter((i) => i.exempt?.reason === 'utility').length).toBeGreaterThan(0);
    expect(inputs.filter((i) => i.exempt?.reason === 'newInProduction').length).toBeGreaterThan(0);
    expect(inputs.filter((i) => !i.aboveScale && i.landMu !== null && i.landMu < 3).length).toBeGreaterThan(0);
    const withFigures = inputs.filter((i) => i.figures.taxPaid != null && i.previousFigures.taxPaid != null && i.figures.valueAdded != null);
    expect(withFigures).toHaveLength(400);
  });

  it('keeps only what the scheme reads: the year before only for a previous-year benchmark', async () => {
    const input = gathered[0]!.input;
    expect(Object.keys(input.previousFigures)).toEqual(['taxPaid']);
    expect(input.previousLandMu).toBe(input.landMu);
    const reference = (await gatherInputs(h.db, { unitPaths: null }, 2025, DEFAULT_SCHEME)).find((g) => g.input.enterpriseId === input.enterpriseId)!.input;
    expect(reference.previousFigures).toEqual({});
    expect(reference.previousLandMu).toBeNull();
    expect(Object.keys(reference.figures).every((k) => ['mainRevenue', 'valueAdded', 'taxPaid', 'employeesAvg', 'rdExpense', 'energyKgce', 'electricityKwh', 'codKg', 'ammoniaKg', 'so2Kg', 'noxKg'].includes(k))).toBe(true);
  });

  it('leaves land to the land module’s rule: a tenant counts its lease, the landlord its parcel less what it lets', async () => {
    const lease = await h.db.selectFrom('parcelLease as l').innerJoin('parcel as p', 'p.id', 'l.parcelId').select(['l.lesseeEnterpriseId', 'l.areaSqm', 'p.holderEnterpriseId']).where('l.toOn', 'is', null).executeTakeFirstOrThrow();
    const landOf = (id: string) => gathered.find((g) => g.input.enterpriseId === id)!.input.landMu;
    expect(landOf(lease.lesseeEnterpriseId)).toBe(mu(lease.areaSqm));
    const own = await h.db.selectFrom('parcel').select(['registeredAreaSqm', 'tenure']).where('holderEnterpriseId', '=', lease.holderEnterpriseId).execute();
    const lets = await h.db.selectFrom('parcelLease as l').innerJoin('parcel as p', 'p.id', 'l.parcelId').select('l.areaSqm').where('p.holderEnterpriseId', '=', lease.holderEnterpriseId).where('l.toOn', 'is', null).execute();
    const expected = own.reduce((s, p) => s + p.registeredAreaSqm, 0) - lets.reduce((s, l) => s + l.areaSqm, 0);
    expect(landOf(lease.holderEnterpriseId!)).toBe(mu(expected));
  });

  it('hands the engine each figure the scheme reads exactly as stored, large and negative amounts included, and lists the unreported ones as missing', async () => {
    const id = gathered[0]!.input.enterpriseId;
    const december = h.db.updateTable('statReport').where('enterpriseId', '=', id).where('period', '=', '2025-12').where('status', '=', 'approved');
    await december.set({ valueAdded: 123_456_789_012, totalProfit: -1_234_567, codKg: null, rdExpense: 5 }).execute();
    const report = await h.db.selectFrom('statReport').selectAll().where('enterpriseId', '=', id).where('period', '=', '2025-12').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const again = (await gatherInputs(h.db, { unitPaths: null }, 2025, scheme)).find((g) => g.input.enterpriseId === id)!;
    const read = ['mainRevenue', 'valueAdded', 'totalProfit', 'taxPaid', 'employeesAvg', 'rdExpense', 'energyKgce', 'electricityKwh', 'codKg', 'ammoniaKg', 'so2Kg', 'noxKg'] as const;
    // Generated emissions are absent for a third of the enterprises: those are missing too.
    const reported = read.filter((k) => report[k] !== null);
    expect(again.input.figures).toEqual(Object.fromEntries(reported.map((k) => [k, Number(report[k])])));
    expect(again.input.figures.valueAdded).toBe(123_456_789_012);
    expect(again.input.figures.totalProfit).toBe(-1_234_567);
    expect(again.missing).toContain('codKg');
    expect(again.missing).toEqual(read.filter((k) => report[k] === null));
  });

  it('counts an enterprise without an approved annual report as lacking every figure', async () => {
    const id = gathered[1]!.input.enterpriseId;
    await h.db.deleteFrom('statReport').where('enterpriseId', '=', id).where('period', '=', '2025-12').execute();
    const again = (await gatherInputs(h.db, { unitPaths: null }, 2025, scheme)).find((g) => g.input.enterpriseId === id)!;
    expect(again.missing).toEqual([...FIGURE_KEYS]);
    expect(again.input.figures).toEqual({});
  });
});
