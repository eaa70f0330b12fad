import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';
import { rebuildRollup } from './rollup';

// Totals read from the rollup must equal totals added up from the reports themselves, whatever
// happened in between: reviews, corrections, and enterprises moved, re-classed or re-scaled.
let t: TestApp;
let stats: Agent;
let admin: Agent;
let allIds: string;

beforeAll(async () => {
  t = await startTestApp();
  stats = await t.login('stats');
  admin = await t.login('admin');
  allIds = (await t.database.db.selectFrom('enterprise').select('id').execute()).map((e) => e.id).join(',');
});
afterAll(() => t.close());

async function agree(period: string) {
  for (const groupBy of ['base', 'park', 'zone', 'industryChain', 'scale']) {
    for (const extra of ['', '&scale=above', '&industryChain=newMaterials']) {
      const query = `/api/v1/statistics/summary?period=${period}&groupBy=${groupBy}${extra}`;
      const fromRollup = (await stats.get(query)).json();
      const fromReports = (await stats.get(`${query}&enterpriseIds=${allIds}`)).json();
      expect(fromRollup, `${groupBy}${extra}`).toEqual(fromReports);
    }
  }
  const series = '/api/v1/statistics/series?figure=grossOutput&frequency=month&from=2024&to=2025&scale=above';
  expect((await stats.get(series)).json()).toEqual((await stats.get(`${series}&enterpriseIds=${allIds}`)).json());
}

async function rollupRows() {
  return t.database.db.selectFrom('statRollup').selectAll().where('reporters', '>', 0).orderBy('period').orderBy('unitId').orderBy('industryChain').orderBy('scale').execute();
}

describe('the rollup', () => {
  it('agrees with the reports for the demo base', async () => {
    await agree('2022-12');
    await agree('2025-06');
  });

  it('follows reviews, corrections and enterprises that move', async () => {
    const hongli = await enterpriseId(t, '鸿利达');
    await stats.post('/api/v1/statistics/reports', { enterpriseId: hongli, period: '2025-06', values: { mainRevenue: 77_000_000, grossOutput: 70_000_000, cncRate: 50 }, acknowledgeWarnings: true });
    const pending = (await stats.get('/api/v1/statistics/reports?status=pending')).json().items;
    await stats.post(`/api/v1/statistics/reports/${pending[0].id}/approve`, { version: pending[0].version, acknowledgeWarnings: true });
    const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
    const jieni = (await stats.get(`/api/v1/enterprises/${await enterpriseId(t, '杰尼')}`)).json();
    const moved = await stats.patch(`/api/v1/enterprises/${jieni.id}`, {
      version: jieni.version,
      unitId: units.find((u) => u.code === 'XY-CD-P1-DIG')!.id,
      industryChain: 'digital',
      scale: 'below',
      scaleSince: '2024-07-01',
    });
    expect(moved.statusCode).toBe(200);
    await agree('2024-06');
    await agree('2025-06');
    const kept = await rollupRows();
    await t.database.db.transaction().execute((trx) => rebuildRollup(trx));
    const rebuilt = await rollupRows();
    expect(kept.map((r) => ({ ...r, cncRate: Math.round(r.cncRate * 1e6) }))).toEqual(rebuilt.map((r) => ({ ...r, cncRate: Math.round(r.cncRate * 1e6) })));
  });
});
