import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../lib/clock';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

// The test clock starts at 2026-03-02.
let t: TestApp;
let admin: Agent;
let leader: Agent;
/** A parcel due to start on 2025-01-15: a full year idle on 2026-01-15. */
let fresh: { id: string; priceYuan: number };
/** A parcel a year idle at the start, two years idle 35 days later. */
let recovery: string;

interface Case {
  id: string;
  kind: string;
  stage: string;
  feeYuan: number | null;
  version: number;
  actions: string[];
  deadlines: { key: string; dueOn: string; passed: boolean }[];
  steps: { action: string; doneOn: string; actor: string; document: { kind: string; number: string } | null }[];
}

/** Moves the clock; sessions time out after 30 idle minutes, so both accounts sign in again. */
async function advanceDays(days: number) {
  t.clock.advance(days * DAY);
  admin = await t.login('admin');
  leader = await t.login('leader');
}

const casesOf = async (parcelId: string): Promise<Case[]> => (await leader.get(`/api/v1/land/idle-cases?parcelId=${parcelId}`)).json();
const act = (c: Pick<Case, 'id' | 'version'>, body: Record<string, unknown>) => admin.post(`/api/v1/land/idle-cases/${c.id}/actions`, { version: c.version, note: null, ...body });

/** An unstarted parcel in the 高端制造 zone, held by nobody in particular. */
async function unstartedParcel(code: string, agreedStartOn: string, lon: number): Promise<string> {
  const units = (await admin.get('/api/v1/units')).json() as { id: string; code: string }[];
  const zone = units.find((u) => u.code === 'XY-CD-P3-MFG')!.id;
  const geometry = { type: 'Polygon', coordinates: [[[lon, 29.7], [lon + 0.002, 29.7], [lon + 0.002, 29.7015], [lon, 29.7015], [lon, 29.7]]] };
  const p = {
    code, name: `${code} 测试地块`, geometry, registeredAreaSqm: 30_000, landUse: 'industrial', unitId: zone, holderEnterpriseId: null, tenure: 'transfer',
    priceYuan: 9_000_000, contractSignedOn: '2023-09-01', agreedStartOn, agreedCompletionOn: null, standard: null, status: 'suppliedNotStarted',
    actualStartOn: null, developedAreaSqm: null, investmentYuan: null, leases: [],
  };
  return (await admin.post('/api/v1/land/parcels', p)).json().id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  leader = await t.login('leader');
  recovery = await unstartedParcel('REC-001', '2024-03-20', 116.066);
  fresh = { id: await unstartedParcel('FEE-001', '2025-01-15', 116.062), priceYuan: 9_000_000 };
});
afterAll(() => t.close());

describe('the idle-land job', () => {
  it('shows the demo’s 云帆 二期 case at a published fee decision, each act signed by the land clerk', async () => {
    const [c] = (await leader.get('/api/v1/land/idle-cases')).json() as (Case & { parcelName: string; openedOn: string })[];
    expect(c).toMatchObject({ parcelName: '云帆智能终端二期地块（演示数据）', kind: 'idleFee', stage: 'remedy', openedOn: '2025-07-01', actions: ['appeal', 'close'] });
    expect(c!.steps.map((s) => `${s.doneOn} ${s.action} ${s.actor}`)).toEqual([
      '2025-07-01 open system',
      '2025-07-08 investigate 规划土地局 土地专员',
      '2025-08-20 determine 规划土地局 土地专员',
      '2025-08-25 assignCause 规划土地局 土地专员',
      '2025-09-10 decide 规划土地局 土地专员',
      '2025-09-15 publish 规划土地局 土地专员',
    ]);
    expect(c!.deadlines).toEqual([
      { key: 'compliance', dueOn: '2025-10-10', passed: true },
      { key: 'review', dueOn: '2025-11-09', passed: true },
      { key: 'lawsuit', dueOn: '2026-03-10', passed: false },
    ]);
  });

  it('opens a fee case of 20 % of the land price once a parcel is a full year past its start date, and only once', async () => {
    const first = (await admin.post('/api/v1/land/idle-cases/run')).json();
    expect(first).toMatchObject({ asOf: '2026-03-02' });
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const [c] = await casesOf(fresh.id);
    expect(c).toMatchObject({ kind: 'idleFee', stage: 'investigation', idleSince: '2026-01-15', fullYears: 1, feeYuan: 1_800_000, openedOn: '2026-03-02', actions: ['investigate'] });
    expect(c!.deadlines).toEqual([{ key: 'investigation', dueOn: '2026-04-01', passed: false }]);
    expect((await admin.post('/api/v1/land/idle-cases/run')).json().opened).toBe(0);
    expect(await casesOf(fresh.id)).toHaveLength(1);
  });

  it('walks the case through investigation, determination, cause, decision, publication and remedy, each act dated and signed', async () => {
    let [c] = await casesOf(fresh.id);
    const expectStage = async (res: Awaited<ReturnType<typeof act>>, stage: string) => {
      expect(res.statusCode).toBe(200);
      c = res.json();
      expect(c!.stage).toBe(stage);
    };
    await expectStage(await act(c!, { action: 'investigate', documentNumber: '浔自然资调〔2026〕1号' }), 'determination');
    expect(c!.deadlines).toEqual([{ key: 'response', dueOn: '2026-04-01', passed: false }]);
    await advanceDays(35);
    expect((await leader.get(`/api/v1/land/idle-cases/${c!.id}`)).json().deadlines[0].passed).toBe(true);
    await expectStage(await act(c!, { action: 'determine', documentNumber: '浔自然资认〔2026〕1号' }), 'cause');
    await expectStage(await act(c!, { action: 'assignCause', cause: 'holder', note: '企业资金未到位' }), 'plan');
    expect(c!.actions).toEqual(['decide']);
    await expectStage(await act(c!, { action: 'decide', documentNumber: '浔自然资征〔2026〕1号' }), 'publication');
    expect(c!.feeYuan).toBe(Math.round(fresh.priceYuan * 0.2));
    expect(c!.steps.at(-1)).toMatchObject({ action: 'decide', doneOn: '2026-04-06', document: { kind: 'feeDecision', number: '浔自然资征〔2026〕1号' } });
    await expectStage(await act(c!, { action: 'publish', note: '区政府门户网站公开' }), 'remedy');
    expect(c!.deadlines).toEqual([
      { key: 'compliance', dueOn: '2026-05-06', passed: false },
      { key: 'review', dueOn: '2026-06-05', passed: false },
      { key: 'lawsuit', dueOn: '2026-10-06', passed: false },
    ]);
    expect((await act(c!, { action: 'close', outcome: 'landRecovered' })).json().error.details.reason).toBe('outcomeMismatch');
    await expectStage(await act(c!, { action: 'close', outcome: 'feePaid' }), 'closed');
    expect(c!.steps.map((s) => s.action)).toEqual(['open', 'investigate', 'determine', 'assignCause', 'decide', 'publish', 'close']);
    expect(c!.steps.slice(1).every((s) => s.actor === '系统管理员' || s.actor === 'admin')).toBe(true);
  });

  it('refuses an act out of turn, a stale version, and acts from a leader', async () => {
    const [c] = await casesOf(fresh.id);
    expect((await act(c!, { action: 'publish' })).json().error.details.reason).toBe('wrongStage');
    expect((await act({ ...c!, version: c!.version - 1 }, { action: 'publish' })).statusCode).toBe(409);
    expect((await leader.post(`/api/v1/land/idle-cases/${c!.id}/actions`, { action: 'publish', version: c!.version, note: null })).statusCode).toBe(403);
  });

  it('opens a recovery case at two full years; deciding it and closing it recovers the parcel', async () => {
    const [fee] = await casesOf(recovery);
    expect(fee).toMatchObject({ kind: 'idleFee', idleSince: '2025-03-20' });
    expect((await admin.post('/api/v1/land/idle-cases/run')).json()).toMatchObject({ asOf: '2026-04-06', opened: 1 });
    let c = (await casesOf(recovery)).find((x) => x.id !== fee!.id)!;
    expect(c).toMatchObject({ kind: 'recovery', feeYuan: null, fullYears: 2 });
    for (const body of [
      { action: 'investigate', documentNumber: '调〔2026〕9号' },
      { action: 'determine', documentNumber: '认〔2026〕9号' },
      { action: 'assignCause', cause: 'holder' },
      { action: 'decide', documentNumber: '收〔2026〕9号' },
      { action: 'publish' },
      { action: 'close', outcome: 'landRecovered' },
    ]) c = (await act(c, body)).json();
    expect(c.steps.find((s) => s.action === 'decide')!.document).toEqual({ kind: 'recoveryDecision', number: '收〔2026〕9号' });
    const parcel = (await leader.get(`/api/v1/land/parcels/${recovery}`)).json();
    expect(parcel.status).toBe('recovered');
    expect(parcel.statusHistory.at(-1)).toMatchObject({ status: 'recovered', since: '2026-04-06' });
  });
});

describe('a government-caused delay', () => {
  let parcelId: string;

  beforeAll(async () => {
    parcelId = await unstartedParcel('GOV-001', '2025-03-01', 116.07);
    await admin.post('/api/v1/land/idle-cases/run');
  });

  it('withdraws the fee of an undecided case when the delay is recorded on the parcel', async () => {
    const [c] = await casesOf(parcelId);
    expect(c).toMatchObject({ kind: 'idleFee', feeYuan: 1_800_000, idleSince: '2026-03-01' });
    const parcel = (await admin.get(`/api/v1/land/parcels/${parcelId}`)).json();
    await admin.patch(`/api/v1/land/parcels/${parcelId}`, { version: parcel.version, governmentDelay: { cause: 'planRevised', note: '控规调整', recordedOn: '2026-04-01' } });
    expect((await admin.post('/api/v1/land/idle-cases/run')).json().feeWithdrawn).toBe(1);
    const [after] = await casesOf(parcelId);
    expect(after).toMatchObject({ kind: 'governmentDelay', feeYuan: null, cause: 'planRevised' });
    expect(after!.steps.at(-1)).toMatchObject({ action: 'governmentDelayRecorded' });
    expect(await casesOf(parcelId)).toHaveLength(1);
  });

  it('offers the lawful options instead of a fee, and an extension moves the start date by at most a year', async () => {
    let [c] = await casesOf(parcelId);
    for (const body of [{ action: 'investigate', documentNumber: '调〔2026〕20号' }, { action: 'determine', documentNumber: '认〔2026〕20号' }]) c = (await act(c!, body)).json();
    expect((await act(c!, { action: 'assignCause', cause: 'holder' })).json().error.details.reason).toBe('governmentDelayRecorded');
    c = (await act(c!, { action: 'assignCause', cause: 'planRevised', note: '控规调整为物流用地' })).json();
    expect(c!.actions).toEqual(['chooseOption']);
    expect((await act(c!, { action: 'chooseOption', option: 'extendStart', newStartOn: '2027-05-01', documentNumber: '补〔2026〕1号' })).json().error.details.reason).toBe('extensionOverOneYear');
    c = (await act(c!, { action: 'chooseOption', option: 'extendStart', newStartOn: '2027-03-01', documentNumber: '补〔2026〕1号' })).json();
    expect(c).toMatchObject({ stage: 'publication', option: 'extendStart', feeYuan: null });
    expect((await leader.get(`/api/v1/land/parcels/${parcelId}`)).json().agreedStartOn).toBe('2027-03-01');
    expect((await leader.get('/api/v1/land/idle-check')).json().items.map((i: { parcelId: string }) => i.parcelId)).not.toContain(parcelId);
  });
});
