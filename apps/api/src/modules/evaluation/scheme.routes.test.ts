import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, type EvaluationScheme, type SchemeRecord } from '@yuanqu/contracts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Agent;
let stats: Agent;
let leader: Agent;
let v1: SchemeRecord;

const url = (id: string) => `/api/v1/evaluation/schemes/${id}`;
const clone = (s: EvaluationScheme): EvaluationScheme => structuredClone(s);
const put = (id: string, version: number, scheme: EvaluationScheme, who = admin) => who.request('PUT', url(id), { version, scheme });
const get = async (id: string): Promise<SchemeRecord> => (await leader.get(url(id))).json();
const copy = async (id: string): Promise<SchemeRecord> => {
  const res = await admin.post(`${url(id)}/versions`);
  expect(res.statusCode).toBe(201);
  return res.json();
};
const auditOf = async (action: string) => {
  const rows = await t.database.db.selectFrom('auditLog').select(['entityId', 'detail']).where('action', '=', action).orderBy('seq', 'desc').execute();
  return rows.map((r) => ({ entityId: r.entityId, detail: JSON.parse(r.detail!) }));
};

beforeAll(async () => {
  t = await startTestApp();
  [admin, stats, leader] = [await t.login('admin'), await t.login('stats'), await t.login('leader')];
  const list = (await leader.get('/api/v1/evaluation/schemes')).json();
  v1 = await get(list[0].id);
});
afterAll(() => t.close());

describe('evaluation schemes as versioned data', () => {
  it('starts with methodology §1’s reference scheme as version 1, unfrozen, unused, copied from nothing', async () => {
    const list = (await leader.get('/api/v1/evaluation/schemes')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'reference', schemeVersion: 1, reference: true, frozen: false, runs: 0, basedOn: null, createdBy: 'system', version: 1 });
    expect(v1.scheme).toEqual(DEFAULT_SCHEME);
    expect((await (await t.login('hongli')).get(url(v1.id))).statusCode).toBe(403);
    expect((await leader.get(url('no-such-scheme'))).statusCode).toBe(404);
  });

  it('lets an admin save the whole scheme at its row version, audited old → new; a stale save gets 409 with the record as it stands', async () => {
    const edited = clone(v1.scheme);
    edited.groups[0]!.indicators[0]!.weight = 35;
    expect((await put(v1.id, 1, edited, stats)).statusCode).toBe(403);
    const res = await put(v1.id, 1, edited);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, frozen: false });
    expect((await get(v1.id)).scheme.groups[0]!.indicators[0]!.weight).toBe(35);
    const [entry] = await auditOf('evaluationScheme.update');
    expect(entry!.entityId).toBe(v1.id);
    expect(entry!.detail.changes.groups.old[0].indicators[0].weight).toBe(30);
    expect(entry!.detail.changes.groups.new[0].indicators[0].weight).toBe(35);
    expect(Object.keys(entry!.detail.changes)).toEqual(['groups']);

    const stale = clone(v1.scheme);
    stale.name = '晚到的修改';
    const refused = await put(v1.id, 1, stale);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    expect(refused.json().error.details.current).toMatchObject({ version: 2, name: DEFAULT_SCHEME.name });
    expect(refused.json().error.details.current.scheme.groups[0].indicators[0].weight).toBe(35);
  });

  it('checks the scheme as a whole and says where each problem is', async () => {
    const current = await get(v1.id);
    const bad = clone(current.scheme);
    bad.groups[0]!.indicators[1]!.weight = 0;
    bad.groups[0]!.indicators.push({ ...bad.groups[0]!.indicators[2]!, key: 'cloudPerMu', formula: { numerator: 'cloudAdopted', denominator: ['landMu'] } });
    bad.exemptReasons = bad.exemptReasons.filter((r) => r.code !== 'utility');
    const surcharge = bad.policies.findIndex((p) => p.value !== null);
    bad.policies[surcharge]!.unit = null;
    bad.classRule = { kind: 'rankShares', shares: { A: 20, B: 40, C: 35, D: 10 } };
    const res = await put(v1.id, current.version, bad);
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['scheme.classRule.shares', 'scheme.exemptReasons', 'scheme.groups.0.indicators.1.weight', 'scheme.groups.0.indicators.6.formula.numerator', `scheme.policies.${surcharge}.unit`].sort(),
    );
    expect(issues.find((i) => i.path === `scheme.policies.${surcharge}.unit`)!.message).toBe('evaluation.policyUnit');
    expect(issues.find((i) => i.path === 'scheme.exemptReasons')!.message).toBe('evaluation.automaticReason');

    const renamed = clone(current.scheme);
    renamed.code = 'other';
    renamed.version = 7;
    const fixed = await put(v1.id, current.version, renamed);
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['scheme.code', 'scheme.version']);
    expect((await get(v1.id)).version).toBe(current.version);
  });

  it('copies a version into a new, unfrozen one: the highest version + 1, based on it', async () => {
    const source = await get(v1.id);
    const v2 = await copy(v1.id);
    expect(v2).toMatchObject({ code: 'reference', schemeVersion: 2, frozen: false, runs: 0, basedOn: { id: v1.id, schemeVersion: 1 }, createdBy: '系统管理员', version: 1 });
    expect(v2.scheme).toEqual({ ...source.scheme, version: 2 });
    const list = (await leader.get('/api/v1/evaluation/schemes')).json();
    expect(list.map((s: SchemeRecord) => s.schemeVersion)).toEqual([2, 1]);
    expect((await auditOf('evaluationScheme.copy'))[0]).toMatchObject({ entityId: v2.id, detail: { changes: { schemeVersion: { old: null, new: 2 }, basedOn: { old: null, new: 'reference@1' } } } });
  });

  it('deletes only a version nothing was copied from, and never a scheme’s only version', async () => {
    const [v2] = (await leader.get('/api/v1/evaluation/schemes')).json() as SchemeRecord[];
    const copiedFrom = await admin.request('DELETE', url(v1.id));
    expect(copiedFrom.statusCode).toBe(400);
    expect(copiedFrom.json().error.details.reason).toBe('copiedFrom');
    expect((await stats.request('DELETE', url(v2!.id))).statusCode).toBe(403);
    expect((await admin.request('DELETE', url(v2!.id))).statusCode).toBe(204);
    expect((await leader.get(url(v2!.id))).statusCode).toBe(404);
    expect((await auditOf('evaluationScheme.delete'))[0]).toMatchObject({ entityId: v2!.id, detail: { code: 'reference', schemeVersion: 2 } });
    const only = await admin.request('DELETE', url(v1.id));
    expect(only.statusCode).toBe(400);
    expect(only.json().error.details.reason).toBe('onlyVersion');
  });
});

describe('runs take a scheme version and freeze it', () => {
  let v2: SchemeRecord;
  const ids: string[] = [];

  beforeAll(async () => {
    // Three 规上 enterprises alone, with figures that make the arithmetic easy to follow.
    const preview = (await leader.get('/api/v1/evaluation/preview?year=2022')).json();
    const ranked = preview.results.filter((r: { groupKey: string; status: string }) => r.groupKey === 'aboveScale' && r.status === 'ranked');
    ids.push(...ranked.slice(0, 3).map((r: { enterpriseId: string }) => r.enterpriseId).sort());
    await t.database.db.updateTable('enterprise').set({ status: 'archived' }).where('category', '=', 'industrial').where('id', 'not in', ids).execute();
    const figures = [
      { valueAdded: 1_200_000, employeesAvg: 10, codKg: 100 },
      { valueAdded: 600_000, employeesAvg: 10, codKg: 100 },
      { valueAdded: 900_000, employeesAvg: 15, codKg: 50 },
    ];
    for (const [i, set] of figures.entries()) {
      const res = await t.database.db.updateTable('statReport').set(set).where('enterpriseId', '=', ids[i]!).where('period', '=', '2022-12').where('status', '=', 'approved').executeTakeFirst();
      expect(Number(res.numUpdatedRows)).toBe(1);
    }
    v2 = await copy(v1.id);
    const scheme = clone(v2.scheme);
    scheme.groups = [
      {
        key: 'aboveScale',
        name: '规上工业企业',
        membership: { kind: 'aboveScale' },
        indicators: [
          { ...scheme.groups[0]!.indicators.find((i) => i.key === 'laborProductivity')!, weight: 60 },
          {
            key: 'valueAddedPerCod',
            name: '单位 COD 排放增加值',
            formula: { numerator: 'valueAdded', denominator: ['codKg'] },
            weight: 40,
            direction: 'higher',
            method: { kind: 'ratio', benchmark: { kind: 'scopeMean', factor: 1, year: 'sameYear' }, cap: null },
            missing: 'zero',
          },
        ],
      },
    ];
    scheme.classRule = { kind: 'scoreThresholds', thresholds: { A: 120, B: 100, C: 50 } };
    expect((await put(v2.id, v2.version, scheme)).statusCode).toBe(200);
    v2 = await get(v2.id);
  });

  it('scores with the version’s weights and its custom indicator, and keeps which version it used', async () => {
    const made = await stats.post('/api/v1/evaluation/runs', { year: 2022, schemeId: v2.id });
    expect(made.statusCode).toBe(201);
    expect(made.json().scheme).toEqual({ id: v2.id, code: 'reference', version: 2, name: DEFAULT_SCHEME.name, reference: true });
    const run = (await leader.get(`/api/v1/evaluation/runs/${made.json().id}`)).json();
    // 劳动生产率 120 000, 60 000, 60 000 元/人 (mean 80 000) × 60; 增加值/COD 12 000, 6 000, 18 000 元/kg (mean 12 000) × 40.
    const byId = new Map(run.results.map((r: { enterpriseId: string }) => [r.enterpriseId, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ total: 130, rank: 1, class: 'A' });
    expect(byId.get(ids[1]!)).toMatchObject({ total: 65, rank: 3, class: 'C' });
    expect(byId.get(ids[2]!)).toMatchObject({ total: 105, rank: 2, class: 'B' });
    expect(byId.get(ids[2]!)).toMatchObject({
      indicators: [
        { key: 'laborProductivity', weight: 60, value: 60_000, benchmark: 80_000, score: 45 },
        { key: 'valueAddedPerCod', weight: 40, value: 18_000, benchmark: 12_000, score: 60 },
      ],
    });
    const stored = await t.database.db.selectFrom('evaluationRun').select(['schemeId', 'scheme']).where('id', '=', made.json().id).executeTakeFirstOrThrow();
    expect(stored.schemeId).toBe(v2.id);
    expect((JSON.parse(stored.scheme) as EvaluationScheme).groups[0]!.indicators.map((i) => i.weight)).toEqual([60, 40]);
  });

  it('freezes the version it used: no more edits or deletion, and a copy of it is editable again', async () => {
    const used = await get(v2.id);
    expect(used).toMatchObject({ frozen: true, runs: 1, version: v2.version + 1 });
    expect((await get(v1.id)).frozen).toBe(false);
    const edit = clone(used.scheme);
    edit.groups[0]!.indicators[0]!.weight = 70;
    const refused = await put(v2.id, used.version, edit);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('SCHEME_FROZEN');
    expect(refused.json().error.details.current).toMatchObject({ id: v2.id, frozen: true });
    // An editor who read it before the run is told it froze, not that someone else saved.
    expect((await put(v2.id, v2.version, edit)).json().error.code).toBe('SCHEME_FROZEN');
    const deleted = await admin.request('DELETE', url(v2.id));
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().error.code).toBe('SCHEME_FROZEN');

    const v3 = await copy(v2.id);
    expect(v3).toMatchObject({ schemeVersion: 3, frozen: false, basedOn: { id: v2.id, schemeVersion: 2 } });
    const saved = await put(v3.id, v3.version, { ...edit, version: 3 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().scheme.groups[0].indicators[0].weight).toBe(70);
  });

  it('runs the newest reference version when none is named; a preview takes a version too', async () => {
    const newest = (await leader.get('/api/v1/evaluation/schemes')).json()[0] as SchemeRecord;
    expect(newest.schemeVersion).toBe(3);
    const made = await stats.post('/api/v1/evaluation/runs', { year: 2022 });
    expect(made.json().scheme).toMatchObject({ id: newest.id, version: 3 });
    expect((await get(newest.id)).frozen).toBe(true);

    // Under version 1 (亩均税收 35, …) the same three are scored on their land as well.
    const preview = (await leader.get(`/api/v1/evaluation/preview?year=2022&schemeId=${v1.id}`)).json();
    expect(preview.scheme).toMatchObject({ id: v1.id, version: 1 });
    const first = preview.results.find((r: { enterpriseId: string }) => r.enterpriseId === ids[0]);
    expect(first.indicators.map((i: { key: string; weight: number }) => [i.key, i.weight])).toEqual([
      ['taxPerMu', 35],
      ['valueAddedPerMu', 20],
      ['valueAddedPerEnergy', 20],
      ['valueAddedPerEmission', 10],
      ['laborProductivity', 10],
      ['rdIntensity', 10],
    ]);
    expect((await leader.get('/api/v1/evaluation/preview?year=2022&schemeId=nothing')).statusCode).toBe(404);
    expect((await stats.post('/api/v1/evaluation/runs', { year: 2022, schemeId: 'nothing' })).statusCode).toBe(404);
  });
});
