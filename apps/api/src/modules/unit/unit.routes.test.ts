import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Agent;
let park3: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  park3 = ((await admin.get('/api/v1/units')).json() as { id: string; code: string }[]).find((u) => u.code === 'XY-CD-P3')!.id;
});
afterAll(() => t.close());

describe('organisation units', () => {
  it('adds a zone under a park; staff can then place enterprises in it', async () => {
    const res = await admin.post('/api/v1/units', { parentId: park3, kind: 'zone', code: 'XY-CD-P3-NEW', name: '科创服务功能区' });
    expect(res.statusCode).toBe(201);
    const zone = res.json();
    expect(zone).toMatchObject({ parentId: park3, kind: 'zone', name: '科创服务功能区' });
    const staff = await t.login('stats');
    expect(((await staff.get('/api/v1/units')).json() as { id: string }[]).map((u) => u.id)).toContain(zone.id);
    const history = (await admin.get(`/api/v1/audit?entityId=${zone.id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'unit.create', actorName: 'admin' });
  });

  it('refuses a kind that does not fit under its parent, and a duplicate code', async () => {
    const wrong = await admin.post('/api/v1/units', { parentId: park3, kind: 'park', code: 'XY-CD-P9', name: '九号园' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual({ field: 'kind' });
    const dup = await admin.post('/api/v1/units', { parentId: park3, kind: 'zone', code: 'XY-CD-P3-MFG', name: '重复' });
    expect(dup.statusCode).toBe(409);
  });

  it('starts a new tree with a district for another installation area', async () => {
    const res = await admin.post('/api/v1/units', { parentId: null, kind: 'district', code: 'CS', name: '柴桑区' });
    expect(res.statusCode).toBe(201);
    const base = await admin.post('/api/v1/units', { parentId: res.json().id, kind: 'base', code: 'CS-GY', name: '柴桑工业园' });
    expect(base.statusCode).toBe(201);
  });
});
