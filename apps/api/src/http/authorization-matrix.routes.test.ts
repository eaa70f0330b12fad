import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../test/harness';

/**
 * The authorization matrix: every registered route, every role. A route added without a row
 * here fails the first test. `ok` = passes authorization (whatever the use case then answers,
 * it is not an authentication or authorization refusal), `403` = refused, `404` = hidden.
 */
type Expect = 'ok' | 403 | 404;
type Who = 'admin' | 'staffEconomy' | 'staffInvestment' | 'leader' | 'enterpriseOwn' | 'enterpriseOther';
type Row = { route: string; query?: string; body?: unknown; expect: Record<Who, Expect> };

const all: Record<Who, Expect> = { admin: 'ok', staffEconomy: 'ok', staffInvestment: 'ok', leader: 'ok', enterpriseOwn: 'ok', enterpriseOther: 'ok' };
const ownOnly: Record<Who, Expect> = { ...all, enterpriseOther: 404 };
const adminOnly: Record<Who, Expect> = { admin: 'ok', staffEconomy: 403, staffInvestment: 403, leader: 403, enterpriseOwn: 403, enterpriseOther: 403 };
const committee: Record<Who, Expect> = { ...all, enterpriseOwn: 403, enterpriseOther: 403 };
const registryWrite: Record<Who, Expect> = { ...adminOnly, staffEconomy: 'ok' };

const MATRIX: Row[] = [
  { route: 'POST /api/v1/auth/login', body: { username: 'x', password: 'y' }, expect: all },
  { route: 'POST /api/v1/auth/logout', expect: all },
  { route: 'GET /api/v1/auth/me', expect: all },
  { route: 'POST /api/v1/auth/password', body: { currentPassword: 'wrong', newPassword: 'x' }, expect: all },
  { route: 'GET /api/v1/users', expect: adminOnly },
  { route: 'POST /api/v1/users', body: {}, expect: adminOnly },
  { route: 'PATCH /api/v1/users/:id', body: { version: 1 }, expect: adminOnly },
  { route: 'POST /api/v1/users/:id/reset-password', body: {}, expect: adminOnly },
  { route: 'GET /api/v1/dictionaries/industries', expect: all },
  { route: 'GET /api/v1/units', expect: all },
  { route: 'POST /api/v1/units', body: {}, expect: adminOnly },
  { route: 'GET /api/v1/enterprises', expect: all },
  { route: 'GET /api/v1/enterprises/stats', expect: all },
  { route: 'GET /api/v1/enterprises/export', expect: committee },
  { route: 'GET /api/v1/enterprises/import-template', expect: { ...committee, leader: 403 } },
  { route: 'POST /api/v1/enterprises/import', body: {}, expect: registryWrite },
  { route: 'POST /api/v1/enterprises', body: {}, expect: registryWrite },
  { route: 'GET /api/v1/enterprises/:id', expect: ownOnly },
  { route: 'PATCH /api/v1/enterprises/:id', body: { version: 999 }, expect: { ...registryWrite, enterpriseOwn: 'ok', enterpriseOther: 404 } },
  { route: 'POST /api/v1/enterprises/:id/archive', body: { version: 999 }, expect: registryWrite },
  { route: 'POST /api/v1/enterprises/:id/restore', body: { version: 999 }, expect: registryWrite },
  { route: 'GET /api/v1/enterprises/:id/history', expect: ownOnly },
  { route: 'GET /api/v1/statistics/summary', query: 'period=2022-12', expect: committee },
  { route: 'GET /api/v1/statistics/series', query: 'figure=mainRevenue&from=2021&to=2022', expect: committee },
  { route: 'GET /api/v1/statistics/enterprises/:id/figures', query: 'year=2022', expect: ownOnly },
  { route: 'GET /api/v1/statistics/reports', expect: all },
  { route: 'POST /api/v1/statistics/reports', body: {}, expect: { ...registryWrite, enterpriseOwn: 'ok', enterpriseOther: 'ok' } },
  { route: 'GET /api/v1/statistics/reports/:id', expect: ownOnly },
  { route: 'POST /api/v1/statistics/reports/:id/approve', body: { version: 999 }, expect: registryWrite },
  { route: 'POST /api/v1/statistics/reports/:id/return', body: { version: 999, reason: '核对' }, expect: registryWrite },
  { route: 'GET /api/v1/statistics/settings', expect: committee },
  { route: 'PUT /api/v1/statistics/settings', body: {}, expect: registryWrite },
  { route: 'GET /api/v1/statistics/overdue', expect: committee },
  { route: 'GET /api/v1/statistics/due', expect: all },
  { route: 'POST /api/v1/statistics/reminders', body: {}, expect: registryWrite },
  { route: 'GET /api/v1/statistics/import-template', expect: { ...committee, leader: 403 } },
  { route: 'POST /api/v1/statistics/import', body: {}, expect: registryWrite },
  { route: 'GET /api/v1/statistics/export', query: 'period=2022-12', expect: committee },
  { route: 'GET /api/v1/notifications', expect: all },
  { route: 'POST /api/v1/notifications/:id/read', expect: { ...all, admin: 404, staffEconomy: 404, staffInvestment: 404, leader: 404, enterpriseOwn: 404, enterpriseOther: 404 } },
  { route: 'POST /api/v1/notifications/read-all', expect: all },
  { route: 'GET /api/v1/targets', expect: committee },
  { route: 'POST /api/v1/targets', body: {}, expect: registryWrite },
  { route: 'PATCH /api/v1/targets/:id', body: { version: 999 }, expect: registryWrite },
  { route: 'POST /api/v1/targets/:id/retire', body: { version: 999 }, expect: registryWrite },
  { route: 'POST /api/v1/targets/:id/restore', body: { version: 999 }, expect: registryWrite },
  { route: 'GET /api/v1/land/parcels', expect: committee },
  { route: 'GET /api/v1/land/parcels/map', expect: committee },
  { route: 'POST /api/v1/land/parcels', body: {}, expect: adminOnly },
  { route: 'POST /api/v1/land/parcels/import', body: {}, expect: adminOnly },
  { route: 'GET /api/v1/land/parcels/:id', expect: committee },
  { route: 'PATCH /api/v1/land/parcels/:id', body: { version: 999 }, expect: adminOnly },
  { route: 'GET /api/v1/land/enterprises/:id/area', expect: ownOnly },
  { route: 'GET /api/v1/land/idle-check', expect: committee },
  { route: 'GET /api/v1/land/basemap', expect: committee },
  { route: 'GET /api/v1/evaluation/preview', query: 'year=2022', expect: committee },
  { route: 'GET /api/v1/evaluation/runs', expect: committee },
  { route: 'POST /api/v1/evaluation/runs', body: { year: 2022 }, expect: registryWrite },
  { route: 'GET /api/v1/evaluation/runs/:id', expect: committee },
  { route: 'GET /api/v1/evaluation/schemes', expect: committee },
  { route: 'GET /api/v1/evaluation/schemes/:id', expect: committee },
  { route: 'PUT /api/v1/evaluation/schemes/:id', body: { version: 999 }, expect: adminOnly },
  { route: 'POST /api/v1/evaluation/schemes/:id/versions', expect: adminOnly },
  { route: 'DELETE /api/v1/evaluation/schemes/:id', expect: adminOnly },
  { route: 'GET /api/v1/evaluation/runs/:id/export', expect: committee },
  { route: 'GET /api/v1/evaluation/compare', query: 'from=:runId&to=:runId', expect: committee },
  { route: 'GET /api/v1/evaluation/runs/:id/adjustments', expect: committee },
  { route: 'POST /api/v1/evaluation/runs/:id/adjustments', body: {}, expect: registryWrite },
  { route: 'DELETE /api/v1/evaluation/runs/:id/adjustments/:adjustmentId', expect: registryWrite },
  { route: 'POST /api/v1/evaluation/runs/:id/transitions', body: { action: 'submit', version: 999, note: null }, expect: registryWrite },
  { route: 'GET /api/v1/evaluation/runs/:id/policies', query: 'lever=electricity', expect: committee },
  { route: 'GET /api/v1/evaluation/runs/:id/policies/export', query: 'lever=credit', expect: committee },
  { route: 'GET /api/v1/evaluation/enterprises/:id/results', expect: ownOnly },
  { route: 'POST /api/v1/evaluation/runs/:id/objections', body: { text: '请复核我司亩均税收' }, expect: { ...adminOnly, admin: 403, enterpriseOwn: 'ok', enterpriseOther: 'ok' } },
  { route: 'GET /api/v1/evaluation/objections', expect: committee },
  { route: 'POST /api/v1/evaluation/objections/:id/answer', body: { version: 999, outcome: 'maintained', answer: '维持' }, expect: registryWrite },
  // The admin started the run with this token: anyone else is told there is no such progress.
  { route: 'GET /api/v1/evaluation/runs/progress/:token', expect: { ...adminOnly, staffEconomy: 404, staffInvestment: 404 } },
  { route: 'GET /api/v1/land/idle-cases', expect: committee },
  { route: 'POST /api/v1/land/idle-cases/run', expect: adminOnly },
  { route: 'GET /api/v1/land/idle-cases/:id', expect: committee },
  { route: 'POST /api/v1/land/idle-cases/:id/actions', body: { action: 'publish', version: 999, note: null }, expect: adminOnly },
  { route: 'GET /api/v1/land/factories', expect: committee },
  { route: 'GET /api/v1/land/factories/summary', expect: committee },
  { route: 'POST /api/v1/land/factories', body: {}, expect: adminOnly },
  { route: 'PATCH /api/v1/land/factories/:id', body: { version: 999 }, expect: adminOnly },
  { route: 'GET /api/v1/land/settings', expect: committee },
  { route: 'PUT /api/v1/land/settings', body: {}, expect: adminOnly },
  { route: 'GET /api/v1/land/disposals', expect: committee },
  { route: 'POST /api/v1/land/disposals', body: {}, expect: adminOnly },
  { route: 'GET /api/v1/land/disposals/:id', expect: committee },
  { route: 'PATCH /api/v1/land/disposals/:id', body: { version: 999 }, expect: adminOnly },
  { route: 'POST /api/v1/land/disposals/:id/state', body: { version: 999, state: 'inProgress' }, expect: adminOnly },
  { route: 'POST /api/v1/land/disposals/:id/milestones', body: {}, expect: adminOnly },
  { route: 'PATCH /api/v1/land/disposals/:id/milestones/:milestoneId', body: { version: 999 }, expect: adminOnly },
  { route: 'GET /api/v1/land/layers', expect: committee },
  { route: 'POST /api/v1/land/layers/:kind/import', body: {}, expect: adminOnly },
  { route: 'DELETE /api/v1/land/layers/:kind', expect: adminOnly },
  { route: 'GET /api/v1/land/distance', query: 'lon=116.05&lat=29.72', expect: committee },
  { route: 'GET /api/v1/audit', expect: adminOnly },
  { route: 'GET /api/v1/audit/verify', expect: adminOnly },
];
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF', 'PASSWORD_CHANGE_REQUIRED', 'FIELD_NOT_PERMITTED', 'NOT_FOUND'];
const errorCode = (body: string): string | undefined => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};
const PUBLIC = ['POST /api/v1/auth/login', 'GET /healthz', 'GET /api/openapi.json'];

let t: TestApp;
let agents: Record<Who, Agent>;
let ownId: string;
let otherId: string;
let userId: string;
let ownReportId: string;
let otherReportId: string;
let targetId: string;
let parcelId: string;
let factoryId: string;
let idleCaseId: string;
let runId: string;
let schemeId: string;
let objectionId: string;
const progressToken = randomUUID();
let disposalId: string;
let milestoneId: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/users', { username: 'invest2', displayName: '招商', password: 'Zhaoshang#2026x', role: 'staff', departments: ['investment'] });
  userId = created.json().id;
  ownId = await enterpriseId(t, '鸿利达');
  otherId = await enterpriseId(t, '杰尼');
  const reportOf = async (id: string) => (await t.database.db.selectFrom('statReport').select('id').where('enterpriseId', '=', id).executeTakeFirstOrThrow()).id;
  ownReportId = await reportOf(ownId);
  otherReportId = await reportOf(otherId);
  targetId = (await t.database.db.selectFrom('statTarget').select('id').executeTakeFirstOrThrow()).id;
  const zone = ((await admin.get('/api/v1/units')).json() as { id: string; kind: string }[]).find((u) => u.kind === 'zone')!;
  const outline = { type: 'Polygon', coordinates: [[[116.05, 29.72], [116.052, 29.72], [116.052, 29.722], [116.05, 29.722], [116.05, 29.72]]] };
  const parcel = await admin.post('/api/v1/land/parcels', {
    code: 'MATRIX-1', name: null, geometry: outline, registeredAreaSqm: 40_000, landUse: 'industrial', unitId: zone.id, holderEnterpriseId: ownId, tenure: 'transfer',
    priceYuan: null, contractSignedOn: null, agreedStartOn: null, agreedCompletionOn: null, standard: null, status: 'producing', actualStartOn: null, developedAreaSqm: null, investmentYuan: null, leases: [],
  });
  parcelId = parcel.json().id;
  factoryId = (await t.database.db.selectFrom('standardFactory').select('id').executeTakeFirstOrThrow()).id;
  await admin.post('/api/v1/land/idle-cases/run');
  idleCaseId = (await t.database.db.selectFrom('idleCase').select('id').executeTakeFirstOrThrow()).id;
  runId = (await admin.post('/api/v1/evaluation/runs', { year: 2022, progressToken })).json().id;
  // The reference scheme, frozen by that run: an admin's delete is refused by the use case, not by authorization.
  schemeId = (await t.database.db.selectFrom('evaluationScheme').select('id').executeTakeFirstOrThrow()).id;
  const shenhe = await t.login('shenhe');
  for (const [agent, action] of [[admin, 'submit'], [shenhe, 'approve'], [admin, 'publish']] as const) {
    const { version } = (await admin.get(`/api/v1/evaluation/runs/${runId}`)).json();
    await agent.post(`/api/v1/evaluation/runs/${runId}/transitions`, { action, version, note: null });
  }
  objectionId = (await (await t.login('hongli')).post(`/api/v1/evaluation/runs/${runId}/objections`, { text: '请复核我司用地面积' })).json().id;
  ({ caseId: disposalId, id: milestoneId } = await t.database.db.selectFrom('disposalMilestone').select(['caseId', 'id']).executeTakeFirstOrThrow());
  agents = {
    admin,
    staffEconomy: await t.login('stats'),
    staffInvestment: await t.login('zhaoshang'),
    leader: await t.login('leader'),
    enterpriseOwn: await t.login('hongli'),
    enterpriseOther: await t.login('hongli'),
  };
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function concrete(route: string, who: Who, query?: string): { method: Method; url: string } {
  const [method, path] = route.split(' ') as [Method, string];
  const other = who === 'enterpriseOther';
  const ids: [string, string][] = [
    ['/users/', userId],
    ['/targets/', targetId],
    ['/parcels/', parcelId],
    ['/factories/', factoryId],
    ['/idle-cases/', idleCaseId],
    ['/runs/', runId],
    ['/schemes/', schemeId],
    ['/objections/', objectionId],
    ['/disposals/', disposalId],
    ['/reports/', other ? otherReportId : ownReportId],
  ];
  const id = ids.find(([segment]) => path.includes(segment))?.[1] ?? (other ? otherId : ownId);
  return { method, url: path.replace(':id', id).replace(':milestoneId', milestoneId).replace(':adjustmentId', 'none').replace(':kind', 'axis').replace(':token', progressToken) + (query ? `?${query.replaceAll(':runId', runId)}` : '') };
}

describe('authorization matrix', () => {
  it('covers every registered route', () => {
    const registered = t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1')).map((r) => `${r.method} ${r.url}`);
    expect(registered.sort()).toEqual(MATRIX.map((r) => r.route).sort());
  });

  it('refuses every non-public route without a session', async () => {
    const anon = t.anonymous();
    for (const r of t.app.routeInventory) {
      const key = `${r.method} ${r.url}`;
      if (PUBLIC.includes(key) || !r.url.startsWith('/api/v1')) continue;
      const { method, url } = concrete(key, 'admin');
      const res = await anon.request(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, key).toBe(401);
    }
  });

  it('refuses a forged session cookie', async () => {
    const res = await t.app.inject({ url: '/api/v1/enterprises', headers: { cookie: 'yuanqu_sid=forged-token-forged-token-forged-token-xx' } });
    expect(res.statusCode).toBe(401);
  });

  for (const row of MATRIX) {
    it(row.route, async () => {
      // Logout ends the session; run it last for each role by using a throwaway login.
      for (const who of Object.keys(row.expect) as Who[]) {
        const agent = row.route.endsWith('/logout') ? await t.login(who === 'admin' ? 'admin' : 'leader') : agents[who];
        const { method, url } = concrete(row.route, who, row.query);
        const res = await agent.request(method, url, method === 'GET' ? undefined : row.body);
        const expected = row.expect[who];
        if (expected === 'ok') expect(REFUSALS, `${who} ${row.route} → ${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(errorCode(res.body));
        else expect(res.statusCode, `${who} ${row.route}`).toBe(expected);
      }
    });
  }
});

describe('tenant isolation', () => {
  it('shows an enterprise user its own enterprise and no other, by list, search, stats or id', async () => {
    const own = agents.enterpriseOwn;
    const list = (await own.get('/api/v1/enterprises?pageSize=200&status=all')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([ownId]);
    expect((await own.get(`/api/v1/enterprises?q=${encodeURIComponent('杰尼')}`)).json().total).toBe(0);
    expect((await own.get('/api/v1/enterprises/stats')).json().total).toBe(1);
    const all = await t.database.db.selectFrom('enterprise').select('id').execute();
    for (const { id } of all) {
      const expected = id === ownId ? 200 : 404;
      expect((await own.get(`/api/v1/enterprises/${id}`)).statusCode).toBe(expected);
      expect((await own.get(`/api/v1/enterprises/${id}/history`)).statusCode).toBe(expected);
      if (id !== ownId) expect((await own.patch(`/api/v1/enterprises/${id}`, { version: 1, address: 'x' })).statusCode).toBe(404);
    }
  });

  it('shows an enterprise user its own statistical reports and figures, and no other', async () => {
    const own = agents.enterpriseOwn;
    const reports = await t.database.db.selectFrom('statReport').select(['id', 'enterpriseId']).execute();
    expect(new Set(reports.map((r) => r.enterpriseId)).size).toBeGreaterThan(20);
    for (const r of reports) expect((await own.get(`/api/v1/statistics/reports/${r.id}`)).statusCode).toBe(r.enterpriseId === ownId ? 200 : 404);
    const listed = (await own.get('/api/v1/statistics/reports?status=all&pageSize=200')).json();
    expect(listed.total).toBe(reports.filter((r) => r.enterpriseId === ownId).length);
    for (const { id } of await t.database.db.selectFrom('enterprise').select('id').execute()) {
      expect((await own.get(`/api/v1/statistics/enterprises/${id}/figures?year=2024`)).statusCode).toBe(id === ownId ? 200 : 404);
    }
  });

  it('shows an enterprise user its own published evaluation results and objections, and no other', async () => {
    const own = agents.enterpriseOwn;
    for (const { id } of await t.database.db.selectFrom('enterprise').select('id').execute()) {
      expect((await own.get(`/api/v1/evaluation/enterprises/${id}/results`)).statusCode).toBe(id === ownId ? 200 : 404);
    }
    const mine = (await own.get(`/api/v1/evaluation/enterprises/${ownId}/results`)).json();
    expect(mine[0].objections.map((o: { id: string }) => o.id)).toEqual([objectionId]);
  });

  it('lets an enterprise user edit only the fields it owns', async () => {
    const own = agents.enterpriseOwn;
    const current = (await own.get(`/api/v1/enterprises/${ownId}`)).json();
    const refused = await own.patch(`/api/v1/enterprises/${ownId}`, { version: current.version, name: '改名', scale: 'below' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FIELD_NOT_PERMITTED', details: { fields: ['name', 'scale'] } });
    const ok = await own.patch(`/api/v1/enterprises/${ownId}`, { version: current.version, contactName: '王小明', cloudAdopted: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ contactName: '王小明', cloudAdopted: true, name: current.name });
  });

  it('confines staff scoped to one park to that park', async () => {
    const units = (await agents.admin.get('/api/v1/units')).json() as { id: string; code: string }[];
    const park3 = units.find((u) => u.code === 'XY-CD-P3')!;
    await agents.admin.post('/api/v1/users', { username: 'park3', displayName: '3号园', password: 'Sanhao#Yuan2026', role: 'staff', departments: ['economy'], unitIds: [park3.id] });
    const scoped = await t.login('park3', 'Sanhao#Yuan2026');
    await scoped.post('/api/v1/auth/password', { currentPassword: 'Sanhao#Yuan2026', newPassword: 'Sanhao#Yuan2027' });
    const a = await t.login('park3', 'Sanhao#Yuan2027');
    const list = (await a.get('/api/v1/enterprises?pageSize=200')).json();
    const items = list.items as { unitPath: { id: string }[] }[];
    expect(items.length).toBeGreaterThan(0);
    expect(list.total).toBe(items.length);
    expect(items.every((e) => e.unitPath.some((u) => u.id === park3.id))).toBe(true);
    const qixin = await enterpriseId(t, '齐鑫');
    expect((await a.get(`/api/v1/enterprises/${qixin}`)).statusCode).toBe(404);
    expect((await a.get('/api/v1/enterprises/stats')).json().total).toBe(items.length);
  });
});
