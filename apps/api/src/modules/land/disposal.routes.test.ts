import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../lib/clock';
import { enterpriseId, startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock stands at 2026-03-02 (China date); the demo's running cases are dated from it.
let t: TestApp;
let admin: Agent;
let leader: Agent;
let tudi: Agent;
let hongli: string;
let parcelOf: (holder: string) => Promise<{ id: string; version: number }>;

type Case = { id: string; code: string; title: string; kind: string; state: string; version: number; progress: { done: number; total: number }; overdue: boolean; overdueMilestones: number; milestones: { id: string; title: string; overdue: boolean; doneOn: string | null; doneBy: string | null }[] };
const list = async (agent: Agent, query = '') => (await agent.get(`/api/v1/land/disposals${query}`)).json() as { asOf: string; items: Case[] };
const titled = async (part: string) => (await list(leader)).items.find((c) => c.title.includes(part))!;

/** A staff member of 规划土地, scoped to some units, past the first-login password change. */
async function landStaff(username: string, unitIds: string[] | null): Promise<Agent> {
  await admin.post('/api/v1/users', { username, displayName: '规划土地', password: 'Guihua#Tu2026x', role: 'staff', departments: ['land'], unitIds });
  await (await t.login(username, 'Guihua#Tu2026x')).post('/api/v1/auth/password', { currentPassword: 'Guihua#Tu2026x', newPassword: 'Guihua#Tu2027x' });
  return t.login(username, 'Guihua#Tu2027x');
}

const draft = (parcelIds: string[], over: Record<string, unknown> = {}) => ({
  kind: 'rectification', title: '测试地块限期整改', enterpriseId: hongli, parcelIds, reason: '亩均税收偏低', figure: { indicator: 'taxPerMu', year: 2025, value: 2, benchmark: 9.5 },
  incomingEnterpriseId: null, incomingProject: null, department: 'land', responsiblePerson: '刘志华', startOn: null, deadlineOn: '2026-12-31', code: null,
  milestones: [{ title: '提交整改方案', dueOn: '2026-04-30', owner: '企业' }, { title: '整改验收', dueOn: '2026-12-31', owner: null }],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  tudi = await t.login('tudi');
  hongli = await enterpriseId(t, '鸿利达');
  parcelOf = async (holder) => {
    const id = await enterpriseId(t, holder);
    return t.database.db.selectFrom('parcel').select(['id', 'version']).where('holderEnterpriseId', '=', id).executeTakeFirstOrThrow();
  };
});
afterAll(() => t.close());

describe('the demo cases', () => {
  it('has the plan’s named parcels: three through 腾笼换鸟 before 2023, 金旺达 through 两断四清 and still running', async () => {
    const { asOf, items } = await list(leader);
    expect(asOf).toBe('2026-03-02');
    for (const name of ['旭升电子', '智鸿', '海源物流']) {
      const c = items.find((i) => i.title === `${name}地块腾笼换鸟`)!;
      expect(c, name).toMatchObject({ kind: 'replacement', state: 'completed', progress: { done: 4, total: 4 }, overdue: false });
    }
    const jin = (await leader.get(`/api/v1/land/disposals/${(await titled('金旺达')).id}`)).json();
    expect(jin).toMatchObject({ kind: 'replacement', state: 'inProgress', progress: { done: 6, total: 8 }, parcels: [{ name: '金旺达地块（演示数据）', status: 'suspended' }] });
    expect(jin.milestones.slice(0, 5).map((m: { title: string; doneOn: string }) => [m.title, m.doneOn < '2023-01-01'])).toEqual([
      ['断水、断电', true], ['清原料', true], ['清产品', true], ['清设备', true], ['清场地', true],
    ]);
    const xusheng = (await leader.get(`/api/v1/land/disposals/${(await titled('旭升电子')).id}`)).json();
    expect(xusheng).toMatchObject({ incomingEnterpriseName: '九江华浔电子材料有限公司', completedOn: '2021-11-30', parcels: [{ name: '旭升电子地块（演示数据）', status: 'producing' }] });
    expect(xusheng.stateHistory.map((s: { state: string }) => s.state)).toEqual(['draft', 'inProgress', 'completed']);
  });

  it('filters by kind, state, park and text', async () => {
    expect((await list(leader, '?kind=replacement')).items.map((c) => c.title).sort()).toEqual(['旭升电子地块腾笼换鸟', '智鸿地块腾笼换鸟', '海源物流地块腾笼换鸟', '金旺达地块腾笼换鸟'].sort());
    const states = new Set((await list(leader)).items.map((c) => c.state));
    expect(states).toEqual(new Set(['draft', 'inProgress', 'completed', 'terminated']));
    expect((await list(leader, '?state=terminated')).items.map((c) => c.title)).toEqual(['赣玻复合材料增资技改']);
    const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
    const park1 = units.find((u) => u.code === 'XY-CD-P1')!.id;
    expect((await list(leader, `?unitId=${park1}`)).items.map((c) => c.title).sort()).toEqual(['旭升电子地块腾笼换鸟', '浔润石化兼并浔东石化助剂', '海源物流地块腾笼换鸟'].sort());
    expect((await list(leader, `?q=${encodeURIComponent('精诚')}`)).items.map((c) => c.kind)).toEqual(['rectification']);
  });

  it('flags the milestone past its due date on the server’s today, not the closed cases’ open ones', async () => {
    const jingcheng = await titled('精诚铜业');
    expect(jingcheng).toMatchObject({ overdue: false, overdueMilestones: 1, progress: { done: 1, total: 3 } });
    const detail = (await leader.get(`/api/v1/land/disposals/${jingcheng.id}`)).json() as Case;
    expect(detail.milestones.filter((m) => m.overdue).map((m) => m.title)).toEqual(['闲置厂房出租或盘活']);
    expect(await titled('赣玻')).toMatchObject({ state: 'terminated', overdueMilestones: 0, overdue: false });
  });
});

describe('keeping a case', () => {
  let id: string;

  it('opens a numbered case (拟定) with its milestones, audited', async () => {
    const parcel = await parcelOf('精诚铜业');
    const res = await tudi.post('/api/v1/land/disposals', draft([parcel.id]));
    expect(res.statusCode).toBe(201);
    const c = res.json();
    id = c.id;
    expect(c).toMatchObject({ code: 'CZ-2026-002', state: 'draft', stateSince: '2026-03-02', enterpriseName: '九江鸿利达新材料有限公司', progress: { done: 0, total: 2 }, version: 1 });
    expect(c.stateHistory).toEqual([{ state: 'draft', since: '2026-03-02', actor: 'tudi', note: null }]);
    expect(c.parcels[0]).toMatchObject({ id: parcel.id, name: '精诚铜业地块（演示数据）' });
    const audit = await t.database.db.selectFrom('auditLog').select(['action', 'actorName']).where('entityId', '=', id).execute();
    expect(audit).toEqual([{ action: 'disposal.create', actorName: 'tudi' }]);
  });

  it('refuses unknown parcels, an incoming firm on a kind that has none, a deadline before the start and a reused code', async () => {
    const parcel = await parcelOf('精诚铜业');
    const error = async (body: unknown) => (await tudi.post('/api/v1/land/disposals', body)).json().error;
    expect(await error(draft(['nope']))).toMatchObject({ code: 'VALIDATION', details: { field: 'parcelIds' } });
    expect(await error(draft([parcel.id], { incomingProject: '新项目' }))).toMatchObject({ code: 'VALIDATION', details: { field: 'incomingProject' } });
    expect(await error(draft([parcel.id], { startOn: '2026-05-01', deadlineOn: '2026-04-30' }))).toMatchObject({ code: 'VALIDATION', details: { field: 'deadlineOn' } });
    expect(await error(draft([parcel.id], { code: 'CZ-2026-002' }))).toMatchObject({ code: 'DUPLICATE', details: { field: 'code' } });
    expect((await leader.post('/api/v1/land/disposals', draft([parcel.id]))).statusCode).toBe(403);
  });

  it('edits at the current version, and answers a stale one with 409 and the case as it stands', async () => {
    const edited = await tudi.patch(`/api/v1/land/disposals/${id}`, { version: 1, title: '精诚铜业地块限期整改（二期）' });
    expect(edited.json()).toMatchObject({ version: 2, title: '精诚铜业地块限期整改（二期）' });
    const stale = await admin.patch(`/api/v1/land/disposals/${id}`, { version: 1, responsiblePerson: '王强' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, responsiblePerson: '刘志华' });
  });

  it('dates each move with who made it, and completes only once every milestone is ticked', async () => {
    const move = (body: Record<string, unknown>) => tudi.post(`/api/v1/land/disposals/${id}/state`, body);
    expect((await move({ version: 2, state: 'completed' })).json().error.details.reason).toBe('transition');
    expect((await move({ version: 2, state: 'inProgress', on: '2026-03-01' })).json().error.details.reason).toBe('dateBeforeLast');
    expect((await move({ version: 2, state: 'inProgress', on: '2026-03-03' })).json().error.details.reason).toBe('dateInFuture');
    const started = (await move({ version: 2, state: 'inProgress' })).json();
    expect(started).toMatchObject({ state: 'inProgress', startOn: '2026-03-02', version: 3 });
    expect((await move({ version: 3, state: 'completed' })).json().error.details.reason).toBe('openMilestones');

    const [first, second] = started.milestones as Case['milestones'];
    const tick = (milestoneId: string, body: Record<string, unknown>) => tudi.patch(`/api/v1/land/disposals/${id}/milestones/${milestoneId}`, body);
    expect((await tick(first!.id, { version: 3, done: true, doneOn: '2026-03-03' })).json().error.details.reason).toBe('dateInFuture');
    expect((await tick(first!.id, { version: 3, done: true, doneOn: '2026-03-01' })).json()).toMatchObject({ version: 4, progress: { done: 1, total: 2 } });
    const unticked = (await tick(first!.id, { version: 4, done: false })).json();
    expect(unticked).toMatchObject({ version: 5, progress: { done: 0, total: 2 } });
    expect(unticked.milestones[0]).toMatchObject({ doneOn: null, doneBy: null });
    expect((await tick(first!.id, { version: 5, done: true })).json().milestones[0]).toMatchObject({ doneOn: '2026-03-02', doneBy: 'tudi' });
    expect((await tick(second!.id, { version: 3, done: true })).statusCode).toBe(409);
    const added = (await tudi.post(`/api/v1/land/disposals/${id}/milestones`, { version: 6, title: '复核亩均税收', dueOn: '2026-03-01', owner: null })).json();
    expect(added).toMatchObject({ version: 7, progress: { done: 1, total: 3 }, overdueMilestones: 1 });
    expect(added.milestones.at(-1)).toMatchObject({ title: '复核亩均税收', overdue: true });
    let c = added as Case;
    for (const m of c.milestones.filter((x) => x.doneOn === null)) c = (await tick(m.id, { version: c.version, done: true })).json();
    expect(c.milestones.map((m) => m.doneBy)).toEqual(['tudi', 'tudi', 'tudi']);

    const completed = (await move({ version: c.version, state: 'completed' })).json();
    expect(completed).toMatchObject({ state: 'completed', completedOn: '2026-03-02', progress: { done: 3, total: 3 } });
    expect(completed.stateHistory.map((s: { state: string; actor: string }) => [s.state, s.actor])).toEqual([['draft', 'tudi'], ['inProgress', 'tudi'], ['completed', 'tudi']]);
    const closed = await tudi.patch(`/api/v1/land/disposals/${id}`, { version: completed.version, title: '改名' });
    expect(closed.json().error).toMatchObject({ code: 'VALIDATION', details: { reason: 'closed' } });
    const actions = await t.database.db.selectFrom('auditLog').select('action').where('entityId', '=', id).orderBy('seq').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['disposal.create', 'disposal.update', 'disposal.state', 'disposal.milestone.update', 'disposal.milestone.add']));
  });

  it('terminates only with a reason', async () => {
    const c = (await tudi.post('/api/v1/land/disposals', draft([(await parcelOf('精诚铜业')).id], { milestones: [] }))).json();
    const move = (body: Record<string, unknown>) => tudi.post(`/api/v1/land/disposals/${c.id}/state`, body);
    expect((await move({ version: 1, state: 'terminated', note: ' ' })).json().error.details).toMatchObject({ field: 'note', reason: 'noteRequired' });
    const ended = (await move({ version: 1, state: 'terminated', note: '企业已自行整改到位' })).json();
    expect(ended.stateHistory.at(-1)).toEqual({ state: 'terminated', since: '2026-03-02', actor: 'tudi', note: '企业已自行整改到位' });
    expect(ended.completedOn).toBeNull();
  });
});

describe('协商收回', () => {
  it('records the parcels as 收回 from the completion day when asked, in the parcel’s dated history', async () => {
    const parcel = await parcelOf('恒锐精密');
    const body = draft([parcel.id], { kind: 'negotiatedRecovery', title: '恒锐精密模具地块协商收回', enterpriseId: null, milestones: [] });
    const c = (await tudi.post('/api/v1/land/disposals', body)).json();
    const move = (b: Record<string, unknown>) => tudi.post(`/api/v1/land/disposals/${c.id}/state`, b);
    await move({ version: 1, state: 'inProgress', on: '2026-03-02' });
    const replacement = (await tudi.post('/api/v1/land/disposals', draft([parcel.id], { kind: 'replacement', milestones: [] }))).json();
    await tudi.post(`/api/v1/land/disposals/${replacement.id}/state`, { version: 1, state: 'inProgress' });
    expect((await tudi.post(`/api/v1/land/disposals/${replacement.id}/state`, { version: 2, state: 'completed', recoverParcels: true })).json().error.details.reason).toBe('recoverNotAllowed');

    const area = async () => (await admin.get(`/api/v1/land/enterprises/${await enterpriseId(t, '恒锐精密')}/area?asOf=2026-03-02`)).json().totalSqm as number;
    expect(await area()).toBeGreaterThan(0);
    const done = (await move({ version: 2, state: 'completed', recoverParcels: true })).json();
    expect(done).toMatchObject({ state: 'completed', parcels: [{ id: parcel.id, status: 'recovered' }] });
    const after = (await leader.get(`/api/v1/land/parcels/${parcel.id}`)).json();
    expect(after).toMatchObject({ status: 'recovered', version: parcel.version + 1 });
    expect(after.statusHistory.at(-1)).toEqual({ status: 'recovered', since: '2026-03-02', actor: 'tudi' });
    expect(await area()).toBe(0);
    const audited = await t.database.db.selectFrom('auditLog').select('action').where('entityId', '=', parcel.id).execute();
    expect(audited.map((a) => a.action)).toEqual(['parcel.update']);
  });
});

describe('who sees what', () => {
  it('shows park staff only the cases whose parcels all lie in their park, and keeps the rest out of reach', async () => {
    const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
    const park3 = await landStaff('tudi3', [units.find((u) => u.code === 'XY-CD-P3')!.id]);
    const mine = (await list(park3)).items.map((c) => c.title);
    expect(mine).toContain('金旺达地块腾笼换鸟');
    expect(mine).not.toContain('旭升电子地块腾笼换鸟');
    const xusheng = await titled('旭升电子');
    expect((await park3.get(`/api/v1/land/disposals/${xusheng.id}`)).statusCode).toBe(404);
    expect((await park3.patch(`/api/v1/land/disposals/${xusheng.id}`, { version: xusheng.version, title: '越权' })).statusCode).toBe(404);
    const p1Parcel = await parcelOf('浔港肉类');
    expect((await park3.post('/api/v1/land/disposals', draft([p1Parcel.id]))).json().error.details.field).toBe('parcelIds');
  });

  it('refuses enterprise users', async () => {
    const user = await t.login('hongli');
    expect((await user.get('/api/v1/land/disposals')).statusCode).toBe(403);
    expect((await user.get(`/api/v1/land/disposals/${(await titled('金旺达')).id}`)).statusCode).toBe(403);
  });
});

describe('the clock', () => {
  it('turns a milestone overdue the day after its due date, and the case the day after its deadline', async () => {
    const body = draft([(await parcelOf('精诚铜业')).id], { deadlineOn: '2026-03-04', milestones: [{ title: '现场核查', dueOn: '2026-03-03', owner: null }] });
    const { id } = (await tudi.post('/api/v1/land/disposals', body)).json();
    const on = async (days: number) => {
      t.clock.advance(days * DAY);
      // Sessions lapse after 30 idle minutes: sign in again on the new day.
      const agent = await t.login('leader');
      const c = (await agent.get(`/api/v1/land/disposals/${id}`)).json();
      return [c.overdue, c.overdueMilestones];
    };
    expect(await on(1)).toEqual([false, 0]);
    expect(await on(1)).toEqual([false, 1]);
    expect(await on(1)).toEqual([true, 1]);
    expect((await list(await t.login('leader'))).asOf).toBe('2026-03-05');
  });
});
