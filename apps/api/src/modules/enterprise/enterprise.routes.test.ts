import { completeUscc } from '@yuanqu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let staff: Agent;
let zoneId: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.login('stats');
  const units = (await staff.get('/api/v1/units')).json() as { id: string; code: string }[];
  zoneId = units.find((u) => u.code === 'XY-CD-P3-MFG')!.id;
});
afterAll(() => t.close());

const newEnterprise = (over: Record<string, unknown> = {}) => ({
  uscc: completeUscc('91360403TKT00001'),
  name: '九江测试新材料有限公司',
  unitId: zoneId,
  industryChain: 'newMaterials',
  industryCode: '3985',
  category: 'industrial',
  scale: 'below',
  ...over,
});

describe('enterprise list', () => {
  it('has the demo base: 31 enterprises, 15 规上 industrial', async () => {
    const all = (await staff.get('/api/v1/enterprises?pageSize=200')).json();
    expect(all.total).toBe(31);
    const above = (await staff.get('/api/v1/enterprises?scale=above&category=industrial&pageSize=200')).json();
    expect(above.total).toBe(15);
  });

  it('filters by park, industry, qualification and text, and pages in the sort order', async () => {
    const units = (await staff.get('/api/v1/units')).json() as { id: string; code: string }[];
    const park1 = units.find((u) => u.code === 'XY-CD-P1')!.id;
    const inPark1 = (await staff.get(`/api/v1/enterprises?unitId=${park1}&pageSize=200`)).json();
    expect(inPark1.items.every((e: { unitPath: { id: string }[] }) => e.unitPath.some((u) => u.id === park1))).toBe(true);
    expect(inPark1.total).toBe(inPark1.items.length);
    expect(inPark1.total).toBeLessThan(31);
    const giants = (await staff.get('/api/v1/enterprises?qualification=littleGiant')).json();
    expect(giants.items.map((e: { name: string }) => e.name)).toEqual([expect.stringContaining('鸿利达')]);
    const byUscc = (await staff.get(`/api/v1/enterprises?q=${giants.items[0].uscc.slice(8, 18).toLowerCase()}`)).json();
    expect(byUscc.items[0].id).toBe(giants.items[0].id);
    const page1 = (await staff.get('/api/v1/enterprises?sort=-name&pageSize=10&page=1')).json();
    const page2 = (await staff.get('/api/v1/enterprises?sort=-name&pageSize=10&page=2')).json();
    const names = [...page1.items, ...page2.items].map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(new Set(names).size).toBe(20);
  });

  it('rejects an unknown filter or an oversized page with a 400 listing the problem', async () => {
    const res = await staff.get('/api/v1/enterprises?pageSize=5000&colour=red');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(JSON.stringify(res.json().error.details.issues)).toContain('pageSize');
  });

  it('counts by park, zone, industry and scale', async () => {
    const stats = (await staff.get('/api/v1/enterprises/stats')).json();
    expect(stats.total).toBe(31);
    expect(stats.byPark.map((p: { name: string }) => p.name).sort()).toEqual(['1号园', '3号园']);
    expect(stats.byPark.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(31);
    expect(stats.byScale.find((s: { key: string }) => s.key === 'above').count).toBe(15);
  });

  it('counts follow every write at once, through the API or outside it, each scope its own', async () => {
    type Stats = { total: number; byPark: { name: string; count: number }[]; byScale: { key: string; count: number }[] };
    const stats = async (agent: Agent) => (await agent.get('/api/v1/enterprises/stats')).json() as Stats;
    const above = (s: Stats) => s.byScale.find((x) => x.key === 'above')?.count ?? 0;
    const before = await stats(staff);
    const made = await staff.post('/api/v1/enterprises', newEnterprise({ uscc: completeUscc('91360403TKN00001'), name: '九江计数测试有限公司' }));
    expect(made.statusCode).toBe(201);
    expect((await stats(staff)).total).toBe(before.total + 1);
    await t.database.db.updateTable('enterprise').set({ scale: 'above' }).where('id', '=', made.json().id).execute();
    expect(above(await stats(staff))).toBe(above(before) + 1);
    await t.database.db.updateTable('unit').set({ name: '三号园' }).where('code', '=', 'XY-CD-P3').execute();
    expect((await stats(staff)).byPark.map((p) => p.name).sort()).toEqual(['1号园', '三号园']);
    await t.database.db.updateTable('unit').set({ name: '3号园' }).where('code', '=', 'XY-CD-P3').execute();
    expect((await staff.post(`/api/v1/enterprises/${made.json().id}/archive`, { version: 1 })).statusCode).toBe(200);
    expect((await stats(staff)).total).toBe(before.total);
    expect((await stats(await t.login('hongli'))).total).toBe(1);
    expect((await stats(staff)).total).toBe(before.total);
    const zipped = await staff.request('GET', '/api/v1/enterprises/stats', undefined, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
  });
});

describe('enterprise create and edit', () => {
  it('validates the USCC check character and names the field', async () => {
    const good = completeUscc('91360403TKT00002');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await staff.post('/api/v1/enterprises', newEnterprise({ uscc: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ in: 'body', path: 'uscc', message: 'uscc.checkChar' })]);
  });

  it('creates, refuses a duplicate USCC, and keeps the history', async () => {
    const created = await staff.post('/api/v1/enterprises', newEnterprise({ qualifications: [{ type: 'highTech', grantedOn: '2025-11-01' }] }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, industryName: '电子专用材料制造', qualifications: [{ type: 'highTech', grantedOn: '2025-11-01', expiresOn: null }] });
    const dup = await staff.post('/api/v1/enterprises', newEnterprise({ name: '另一家公司' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
    const history = (await staff.get(`/api/v1/enterprises/${created.json().id}/history`)).json();
    expect(history[0]).toMatchObject({ action: 'enterprise.create', actor: 'stats' });
  });

  it('rejects an industry code that is not in GB/T 4754-2017', async () => {
    const res = await staff.post('/api/v1/enterprises', newEnterprise({ uscc: completeUscc('91360403TKT00003'), industryCode: '0000' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ field: 'industryCode' });
  });

  it('refuses the second of two edits made from the same version, returning the newer record', async () => {
    const id = await enterpriseId(t, '紫昊');
    const read = (await staff.get(`/api/v1/enterprises/${id}`)).json();
    const other = await t.login('admin');
    const first = await other.patch(`/api/v1/enterprises/${id}`, { version: read.version, address: '九江市浔阳区滨江东路1号' });
    expect(first.statusCode).toBe(200);
    const second = await staff.patch(`/api/v1/enterprises/${id}`, { version: read.version, address: '九江市浔阳区滨江东路2号' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current).toMatchObject({ address: '九江市浔阳区滨江东路1号', version: read.version + 1 });
    const history = (await staff.get(`/api/v1/enterprises/${id}/history`)).json();
    expect(history[0].changes.address).toEqual({ old: read.address, new: '九江市浔阳区滨江东路1号' });
  });

  it('lets exactly one of many concurrent saves of the same version win', async () => {
    const id = await enterpriseId(t, '九星');
    const { version } = (await staff.get(`/api/v1/enterprises/${id}`)).json();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => staff.patch(`/api/v1/enterprises/${id}`, { version, contactName: `联系人${i}` })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(19);
  });

  it('leaves fields out of a partial edit untouched', async () => {
    const id = await enterpriseId(t, '金鑫');
    const before = (await staff.get(`/api/v1/enterprises/${id}`)).json();
    const after = (await staff.patch(`/api/v1/enterprises/${id}`, { version: before.version, cncRate: 66.5 })).json();
    expect(after).toEqual({ ...before, cncRate: 66.5, version: before.version + 1, updatedAt: after.updatedAt });
  });

  it('archives and restores, hiding archived ones from the default list', async () => {
    const id = await enterpriseId(t, '康浔');
    const { version } = (await staff.get(`/api/v1/enterprises/${id}`)).json();
    const archived = await staff.post(`/api/v1/enterprises/${id}/archive`, { version });
    expect(archived.json().status).toBe('archived');
    const active = (await staff.get('/api/v1/enterprises?pageSize=200')).json();
    expect(active.items.some((e: { id: string }) => e.id === id)).toBe(false);
    const restored = await staff.post(`/api/v1/enterprises/${id}/restore`, { version: version + 1 });
    expect(restored.json().status).toBe('active');
  });

  it('keeps leaders read-only and staff of other departments out of the registry', async () => {
    const id = await enterpriseId(t, '鑫鹰');
    for (const user of ['leader', 'zhaoshang']) {
      const a = await t.login(user);
      expect((await a.get(`/api/v1/enterprises/${id}`)).statusCode).toBe(200);
      const res = await a.patch(`/api/v1/enterprises/${id}`, { version: 1, address: 'x' });
      expect(res.statusCode).toBe(403);
    }
  });
});
