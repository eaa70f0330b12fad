import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02; the demo's buildings completed by then are those of 2021–2025.
let t: TestApp;
let admin: Agent;
let leader: Agent;
let mfgZone: string;
let jieni: string;

type Summary = { goalSqmPerYear: number | null; years: { year: number; completedSqm: number; buildings: number }[]; currentYear: number; currentYearSqm: number; progress: number | null; occupancy: number | null; asOf: string };
const summary = async (agent: Agent) => (await agent.get('/api/v1/land/factories/summary')).json() as Summary;
const building = (over: Record<string, unknown> = {}) => ({ code: 'SF-T-01', name: '测试标准厂房', unitId: mfgZone, parcelId: null, completedOn: '2026-03-02', floors: 4, floorAreaSqm: 20_000, occupants: [], ...over });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  mfgZone = (await t.database.db.selectFrom('unit').select('id').where('code', '=', 'XY-CD-P3-MFG').executeTakeFirstOrThrow()).id;
  jieni = await enterpriseId(t, '杰尼');
});
afterAll(() => t.close());

describe('standard factory list and summary', () => {
  it('names each building’s zone and its occupants', async () => {
    const list = (await leader.get('/api/v1/land/factories')).json() as { code: string; unitName: string; occupants: { enterpriseId: string; name: string | null; areaSqm: number }[] }[];
    const names = new Map((await t.database.db.selectFrom('enterprise').select(['id', 'name']).execute()).map((e) => [e.id, e.name]));
    expect(list.find((f) => f.code === 'SF-2024-01')).toMatchObject({ unitName: '高端制造功能区', occupants: [{ areaSqm: 17_500 }, { areaSqm: 12_500 }] });
    expect(list.find((f) => f.code === 'SF-2023-02')!.unitName).toBe('数字经济功能区');
    const occupants = list.flatMap((f) => f.occupants);
    expect(occupants.length).toBe(20);
    for (const o of occupants) expect(o.name).toBe(names.get(o.enterpriseId));
  });

  it('places the demo buildings along their zone’s southern edge, and keeps a location given on create or edit', async () => {
    const list = (await leader.get('/api/v1/land/factories')).json() as { code: string; location: [number, number] | null }[];
    expect(list.every((f) => f.location !== null)).toBe(true);
    expect(list.find((f) => f.code === 'SF-2021-01')!.location).toEqual([116.0605, 29.7035]);
    const made = (await admin.post('/api/v1/land/factories', building({ code: 'SF-LOC-01', completedOn: '2025-06-30', location: [116.07, 29.71] }))).json();
    expect(made.location).toEqual([116.07, 29.71]);
    const edited = (await admin.patch(`/api/v1/land/factories/${made.id}`, { version: made.version, floors: 5 })).json();
    expect(edited).toMatchObject({ floors: 5, location: [116.07, 29.71] });
    expect((await admin.post('/api/v1/land/factories', building({ code: 'SF-LOC-02', location: [500_000, 3_290_000] }))).statusCode).toBe(400);
    await t.database.db.deleteFrom('standardFactory').where('code', '=', 'SF-LOC-01').execute();
  });

  it('sums the demo buildings by year of completion against the target’s 10万㎡ goal', async () => {
    const s = await summary(leader);
    expect(s.years).toEqual([
      { year: 2021, completedSqm: 65_000, buildings: 2 },
      { year: 2022, completedSqm: 82_000, buildings: 2 },
      { year: 2023, completedSqm: 118_000, buildings: 2 },
      { year: 2024, completedSqm: 96_000, buildings: 2 },
      { year: 2025, completedSqm: 112_000, buildings: 2 },
      { year: 2026, completedSqm: 0, buildings: 0 },
    ]);
    expect(s).toMatchObject({ goalSqmPerYear: 100_000, currentYear: 2026, currentYearSqm: 0, progress: 0, asOf: '2026-03-02' });
    expect(s.occupancy).toBeCloseTo(0.6, 9);
  });

  it('moves this year’s progress when a building is completed today, not when one is dated tomorrow', async () => {
    const today = await admin.post('/api/v1/land/factories', building({ occupants: [{ enterpriseId: jieni, areaSqm: 5_000 }] }));
    expect(today.statusCode).toBe(201);
    expect(today.json()).toMatchObject({ unitName: '高端制造功能区', occupants: [{ enterpriseId: jieni, name: '九江杰尼新材料有限公司', areaSqm: 5_000 }], occupancy: 0.25 });
    expect((await admin.post('/api/v1/land/factories', building({ code: 'SF-T-02', completedOn: '2026-03-03' }))).statusCode).toBe(201);
    const s = await summary(leader);
    expect(s.years.at(-1)).toEqual({ year: 2026, completedSqm: 20_000, buildings: 1 });
    expect(s.progress).toBeCloseTo(0.2, 12);
  });

  it('shows the occupants’ names after an edit, and on a stale version’s conflict', async () => {
    const id = ((await leader.get('/api/v1/land/factories')).json() as { id: string; code: string }[]).find((f) => f.code === 'SF-T-01')!.id;
    const edited = await admin.patch(`/api/v1/land/factories/${id}`, { version: 1, floors: 5 });
    expect(edited.json()).toMatchObject({ floors: 5, version: 2, occupants: [{ name: '九江杰尼新材料有限公司' }] });
    const stale = await admin.patch(`/api/v1/land/factories/${id}`, { version: 1, floors: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ floors: 5, version: 2, unitName: '高端制造功能区', occupants: [{ name: '九江杰尼新材料有限公司' }] });
  });

  it('follows the committee’s edit of the target’s goal', async () => {
    const targets = (await admin.get('/api/v1/targets')).json().items as { id: string; code: string; version: number }[];
    const target = targets.find((i) => i.code === 'standardFactory2025')!;
    expect((await admin.patch(`/api/v1/targets/${target.id}`, { version: target.version, targetValue: 80_000 })).statusCode).toBe(200);
    expect(await summary(leader)).toMatchObject({ goalSqmPerYear: 80_000, progress: 0.25 });
  });

  it('keeps to a scoped clerk’s park, and refuses enterprise users', async () => {
    const park1 = (await t.database.db.selectFrom('unit').select('id').where('code', '=', 'XY-CD-P1').executeTakeFirstOrThrow()).id;
    await admin.post('/api/v1/users', { username: 'park1land', displayName: '1号园土地', password: 'Yihao#Yuan2026', role: 'staff', departments: ['land'], unitIds: [park1] });
    await (await t.login('park1land', 'Yihao#Yuan2026')).post('/api/v1/auth/password', { currentPassword: 'Yihao#Yuan2026', newPassword: 'Yihao#Yuan2027' });
    const clerk = await t.login('park1land', 'Yihao#Yuan2027');
    const list = (await clerk.get('/api/v1/land/factories')).json() as { id: string; code: string; unitName: string }[];
    expect(list.map((f) => f.code).sort()).toEqual(['SF-2022-02', 'SF-2023-02', 'SF-2025-02']);
    expect((await summary(clerk)).years).toEqual([
      { year: 2022, completedSqm: 40_000, buildings: 1 },
      { year: 2023, completedSqm: 58_000, buildings: 1 },
      { year: 2024, completedSqm: 0, buildings: 0 },
      { year: 2025, completedSqm: 50_000, buildings: 1 },
      { year: 2026, completedSqm: 0, buildings: 0 },
    ]);
    const outside = ((await leader.get('/api/v1/land/factories')).json() as { id: string; code: string }[]).find((f) => f.code === 'SF-2024-01')!;
    expect((await clerk.patch(`/api/v1/land/factories/${outside.id}`, { version: 1, floors: 2 })).statusCode).toBe(404);
    expect((await clerk.post('/api/v1/land/factories', building({ code: 'SF-T-03' }))).json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'unitId' } });
    const firm = await t.login('hongli');
    expect((await firm.get('/api/v1/land/factories/summary')).statusCode).toBe(403);
    expect((await firm.get('/api/v1/land/factories')).statusCode).toBe(403);
  });
});
