import { FIGURE_KEYS, SQM_PER_MU } from '@yuanqu/contracts';
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

beforeAll(async () => {
  await resetDatabase(config);
  await migrateToLatest(config.database);
  // T0 is in 2026: two whole years of figures, 2024 and 2025.
  expect(await runGenerate(config, { parks: 2, enterprises: 400, years: 2, industrial: true, land: true }, new ManualClock(T0))).toBe(0);
  h = openDatabase(config.database);
  gathered = await gatherInputs(h.db, { unitPaths: null }, 2025);
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

  it('leaves land to the land module’s rule: a tenant counts its lease, the landlord its parcel less what it lets', async () => {
    const lease = await h.db.selectFrom('parcelLease as l').innerJoin('parcel as p', 'p.id', 'l.parcelId').select(['l.lesseeEnterpriseId', 'l.areaSqm', 'p.holderEnterpriseId']).where('l.toOn', 'is', null).executeTakeFirstOrThrow();
    const landOf = (id: string) => gathered.find((g) => g.input.enterpriseId === id)!.input.landMu;
    expect(landOf(lease.lesseeEnterpriseId)).toBe(mu(lease.areaSqm));
    const own = await h.db.selectFrom('parcel').select(['registeredAreaSqm', 'tenure']).where('holderEnterpriseId', '=', lease.holderEnterpriseId).execute();
    const lets = await h.db.selectFrom('parcelLease as l').innerJoin('parcel as p', 'p.id', 'l.parcelId').select('l.areaSqm').where('p.holderEnterpriseId', '=', lease.holderEnterpriseId).where('l.toOn', 'is', null).execute();
    const expected = own.reduce((s, p) => s + p.registeredAreaSqm, 0) - lets.reduce((s, l) => s + l.areaSqm, 0);
    expect(landOf(lease.holderEnterpriseId!)).toBe(mu(expected));
  });

  it('hands the engine each figure exactly as stored, in the figures’ order, doubles and negatives included', async () => {
    const id = gathered[0]!.input.enterpriseId;
    await h.db.updateTable('statReport').set({ cncRate: 0.1 + 0.2, totalProfit: -1_234_567, codKg: null }).where('enterpriseId', '=', id).where('period', '=', '2025-12').where('status', '=', 'approved').execute();
    const report = await h.db.selectFrom('statReport').selectAll().where('enterpriseId', '=', id).where('period', '=', '2025-12').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const input = (await gatherInputs(h.db, { unitPaths: null }, 2025)).find((g) => g.input.enterpriseId === id)!.input;
    expect(Object.keys(input.figures)).toEqual([...FIGURE_KEYS]);
    expect(input.figures).toEqual(Object.fromEntries(FIGURE_KEYS.map((k) => [k, report[k] === null ? null : Number(report[k])])));
    expect(input.figures.cncRate).toBe(0.30000000000000004);
  });
});
