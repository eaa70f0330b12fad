import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { completeUscc, enterpriseListItemSchema, enterpriseListQuerySchema } from '@yuanqu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';
import { readChanges } from '../../db/change-counter';
import type { Viewer } from '../auth/viewer';
import { CATEGORY_LABELS, CHAIN_LABELS, COLUMNS, SCALE_LABELS } from './enterprise-columns';
import { listPageJson } from './enterprise-list';

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

const total = async (query: string) => ((await staff.get(`/api/v1/enterprises?${query}`)).json() as { total: number }).total;

// What EnterpriseListPage.vue shows (name link and demo tag, then each optional column) and what
// the enterprise pickers read: a slimmer row must still carry all of it, as the detail has it.
const SHOWN = [
  'id', 'name', 'isDemo', 'uscc', 'unitPath', 'industryChain', 'industryCode', 'industryName', 'category', 'scale',
  'qualifications', 'twoHigh', 'nearYangtze', 'cloudAdopted', 'cncRate', 'establishedOn', 'status', 'updatedAt',
] as const;

describe('enterprise list rows', () => {
  it('carry every column the list page shows, equal to the detail record, and no contacts or description', async () => {
    const list = (await staff.get('/api/v1/enterprises?qualification=littleGiant')).json();
    const row = list.items[0];
    const detail = (await staff.get(`/api/v1/enterprises/${row.id}`)).json();
    for (const key of SHOWN) expect(row[key], key).toEqual(detail[key]);
    expect(row.qualifications.map((q: { type: string }) => q.type)).toContain('littleGiant');
    expect(row.unitPath.map((u: { name: string }) => u.name)).toContain('3号园');
    expect(() => enterpriseListItemSchema.strict().parse(row)).not.toThrow();
    for (const key of ['contactName', 'contactPhone', 'address', 'description']) expect(row).not.toHaveProperty(key);
  });
});

describe('the list total', () => {
  it('follows every write at once: create, qualification, archive, restore', async () => {
    const chain = 'industryChain=newMaterials';
    const before = await total(chain);
    const giants = await total('qualification=littleGiant');
    const created = await staff.post('/api/v1/enterprises', {
      uscc: completeUscc('91360403TKL00001'),
      name: '九江总数测试材料有限公司',
      unitId: zoneId,
      industryChain: 'newMaterials',
      industryCode: '3985',
      category: 'industrial',
      scale: 'below',
    });
    expect(created.statusCode).toBe(201);
    expect(await total(chain)).toBe(before + 1);

    const { id, version } = created.json();
    await staff.patch(`/api/v1/enterprises/${id}`, { version, qualifications: [{ type: 'littleGiant', grantedOn: '2025-06-01' }] });
    expect(await total('qualification=littleGiant')).toBe(giants + 1);

    await staff.post(`/api/v1/enterprises/${id}/archive`, { version: version + 1 });
    expect(await total(chain)).toBe(before);
    expect(await total(`${chain}&status=archived`)).toBe(1);
    await staff.post(`/api/v1/enterprises/${id}/restore`, { version: version + 2 });
    expect(await total(chain)).toBe(before + 1);
  });

  it('follows an import and a write made outside the API (another process, a hand-run UPDATE)', async () => {
    const chain = 'industryChain=digital';
    const before = await total(chain);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(COLUMNS.map((c) => c.header));
    const row = { uscc: completeUscc('91360403TKL00002'), name: '九江总数导入数字有限公司', unitId: '高端制造功能区', industryChain: CHAIN_LABELS.digital, industryCode: '3985', category: CATEGORY_LABELS.other, scale: SCALE_LABELS.below };
    ws.addRow(COLUMNS.map((c) => (row as Record<string, string>)[c.key] ?? null));
    const res = await staff.upload('/api/v1/enterprises/import', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.json()).toMatchObject({ created: 1 });
    expect(await total(chain)).toBe(before + 1);

    const id = await enterpriseId(t, '总数导入数字');
    await t.database.db.updateTable('enterprise').set({ industryChain: 'newMaterials' }).where('id', '=', id).execute();
    expect(await total(chain)).toBe(before);
  });

  it('is counted within each viewer’s scope, not shared between scopes', async () => {
    const admin = await t.login('admin');
    const all = ((await admin.get('/api/v1/enterprises')).json() as { total: number }).total;
    const own = await t.login('hongli');
    expect(((await own.get('/api/v1/enterprises')).json() as { total: number }).total).toBe(1);
    expect(((await admin.get('/api/v1/enterprises')).json() as { total: number }).total).toBe(all);
  });
});

describe('a list page', () => {
  it('is gzipped for a browser that accepts it, with the same JSON as the plain answer', async () => {
    const url = '/api/v1/enterprises?pageSize=100';
    const plain = await staff.get(url);
    const zipped = await staff.request('GET', url, undefined, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    for (const res of [plain, zipped]) expect(res.headers.vary).toBe('Accept-Encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(plain.json());
  });

  it('asked by staff of two parks answers each with its own park, however often asked', async () => {
    const admin = await t.login('admin');
    const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
    const parks = ['XY-CD-P1', 'XY-CD-P3'].map((code) => units.find((u) => u.code === code)!.id);
    const agents: Agent[] = [];
    for (const [i, park] of parks.entries()) {
      const username = `listpark${i}`;
      await admin.post('/api/v1/users', { username, displayName: username, password: 'Liebiao#Yuan2026', role: 'staff', departments: ['economy'], unitIds: [park] });
      await (await t.login(username, 'Liebiao#Yuan2026')).post('/api/v1/auth/password', { currentPassword: 'Liebiao#Yuan2026', newPassword: 'Liebiao#Yuan2027' });
      agents.push(await t.login(username, 'Liebiao#Yuan2027'));
    }
    const seen = async () => Promise.all(agents.map(async (a) => ((await a.get('/api/v1/enterprises?pageSize=200')).json().items as { unitPath: { id: string }[] }[]).map((e) => e.unitPath.map((u) => u.id))));
    const first = await seen();
    expect(await seen()).toEqual(first);
    for (const [i, park] of parks.entries()) {
      expect(first[i]!.length).toBeGreaterThan(0);
      expect(first[i]!.every((path) => path.includes(park))).toBe(true);
    }
  });
});

describe('list rows', () => {
  it('follow every write at once, through the API or outside it (each row is kept until a write)', async () => {
    const row = async (id: string) => ((await staff.get('/api/v1/enterprises?q=%E9%B8%BF%E5%88%A9%E8%BE%BE')).json().items as { id: string; name: string; cncRate: number | null; qualifications: { type: string }[] }[]).find((e) => e.id === id)!;
    const id = await enterpriseId(t, '鸿利达');
    const before = await row(id);
    const { version } = (await staff.get(`/api/v1/enterprises/${id}`)).json();
    await staff.patch(`/api/v1/enterprises/${id}`, { version, name: `${before.name}（更名）` });
    expect((await row(id)).name).toBe(`${before.name}（更名）`);
    await staff.patch(`/api/v1/enterprises/${id}`, { version: version + 1, qualifications: [{ type: 'highTech', grantedOn: '2025-01-01' }] });
    expect((await row(id)).qualifications.map((q) => q.type)).toEqual(['highTech']);
    await t.database.db.updateTable('enterprise').set({ cncRate: 12.5 }).where('id', '=', id).execute();
    expect((await row(id)).cncRate).toBe(12.5);
    await t.database.db.deleteFrom('enterpriseQualification').where('enterpriseId', '=', id).execute();
    expect((await row(id)).qualifications).toEqual([]);
  });
});

describe('a list request that read the counters before a write', () => {
  it('shows an enterprise just moved into the viewer’s park as it now is, not as it was kept', async () => {
    const { db } = t.database;
    const unit = (code: string) => db.selectFrom('unit').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    const [p1, p3] = [await unit('XY-CD-P1'), await unit('XY-CD-P3')];
    const moved = await db.selectFrom('enterprise').innerJoin('unit', 'unit.id', 'enterprise.unitId').select(['enterprise.id', 'enterprise.name', 'enterprise.unitId']).where('unit.path', 'like', `${p1.path}%`).executeTakeFirstOrThrow();
    const query = enterpriseListQuerySchema.parse({ q: moved.name });
    const deps = { db, config: t.config };
    const viewer = (unitPaths: string[] | null): Viewer => ({ userId: 'u', username: 'u', displayName: 'u', role: 'staff', departments: ['economy'], enterpriseId: null, unitIds: null, unitPaths, sessionId: 's', csrfToken: 'c', mustChangePassword: false });
    const items = async (v: Viewer, counters: Awaited<ReturnType<typeof readChanges>> | null) => (JSON.parse((await listPageJson(deps, v, query, counters)).json.toString()) as { items: { id: string; unitPath: { id: string }[] }[] }).items;

    expect((await items(viewer(null), null)).map((e) => e.id)).toEqual([moved.id]);
    const before = await readChanges(db);
    await db.updateTable('enterprise').set({ unitId: p3.id }).where('id', '=', moved.id).execute();
    try {
      const seen = await items(viewer([p3.path]), before);
      expect(seen.map((e) => e.id)).toEqual([moved.id]);
      expect(seen[0]!.unitPath.map((u) => u.id)).toContain(p3.id);
      expect(await items(viewer([p1.path]), before)).toEqual([]);
    } finally {
      await db.updateTable('enterprise').set({ unitId: moved.unitId }).where('id', '=', moved.id).execute();
    }
  });
});

describe('list rows’ unit paths', () => {
  it('follow a change to the unit table made outside the API at once', async () => {
    const inZone = async () => (await staff.get(`/api/v1/enterprises?unitId=${zoneId}&pageSize=1`)).json().items[0].unitPath.at(-1).name as string;
    const name = await inZone();
    await t.database.db.updateTable('unit').set({ name: '高端制造功能区（更名）' }).where('id', '=', zoneId).execute();
    expect(await inZone()).toBe('高端制造功能区（更名）');
    await t.database.db.updateTable('unit').set({ name }).where('id', '=', zoneId).execute();
    expect(await inZone()).toBe(name);
  });
});

describe('lists of the same filter shape (one compiled query each)', () => {
  type Page = { total: number; items: { id: string; name: string; industryChain: string; unitPath: { id: string }[] }[] };
  const page = async (agent: Agent, query: string) => (await agent.get(`/api/v1/enterprises?${query}`)).json() as Page;

  it('answer each request with its own values: filters, text, unit, page, and each viewer’s own scope', async () => {
    for (const chain of ['newMaterials', 'digital', 'logistics']) {
      const { items, total } = await page(staff, `pageSize=200&industryChain=${chain}`);
      expect(total).toBe(items.length);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((e) => e.industryChain === chain)).toBe(true);
    }
    for (const text of ['鸿利达', '新雪域']) expect((await page(staff, `q=${encodeURIComponent(text)}`)).items.map((e) => e.name)).toEqual([expect.stringContaining(text)]);
    const units = (await staff.get('/api/v1/units')).json() as { id: string; code: string }[];
    for (const code of ['XY-CD-P1', 'XY-CD-P3']) {
      const unit = units.find((u) => u.code === code)!.id;
      const { items } = await page(staff, `pageSize=200&unitId=${unit}`);
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((e) => e.unitPath.some((u) => u.id === unit))).toBe(true);
    }
    const [first, second] = [await page(staff, 'pageSize=5&page=1'), await page(staff, 'pageSize=5&page=2')];
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(10);

    for (const username of ['hongli', 'xinxueyu']) {
      const own = await t.login(username);
      const me = (await own.get('/api/v1/auth/me')).json() as { user: { enterpriseId: string } };
      expect((await page(own, '')).items.map((e) => e.id)).toEqual([me.user.enterpriseId]);
    }
  });
});
