import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationComparison } from '@yuanqu/contracts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness';

let t: TestApp;
let leader: Agent;
let run2021: string;
let run2022: string;
let comparison: EvaluationComparison;

beforeAll(async () => {
  t = await startTestApp();
  const stats = await t.login('stats');
  run2021 = (await stats.post('/api/v1/evaluation/runs', { year: 2021 })).json().id;
  run2022 = (await stats.post('/api/v1/evaluation/runs', { year: 2022 })).json().id;
  leader = await t.login('leader');
  const res = await leader.get(`/api/v1/evaluation/compare?from=${run2021}&to=${run2022}`);
  expect(res.statusCode).toBe(200);
  comparison = res.json();
});
afterAll(() => t.close());

const of = (fragment: string) => comparison.enterprises.find((e) => e.name.includes(fragment))!;

describe('year over year on the demo base (2021 → 2022)', () => {
  it('names both runs and lists each of the 27 industrial enterprises once', () => {
    expect(comparison.from).toMatchObject({ id: run2021, year: 2021 });
    expect(comparison.to).toMatchObject({ id: run2022, year: 2022 });
    expect(comparison.enterprises).toHaveLength(27);
    expect(new Set(comparison.enterprises.map((e) => e.enterpriseId)).size).toBe(27);
  });

  it('shows who moved a class, with both classes and totals', async () => {
    const moved = (m: string) => comparison.enterprises.filter((e) => e.movement === m).map((e) => e.name).sort();
    expect(moved('up')).toEqual(['中铁九桥工程有限公司', '九江长江船舶配件有限公司'].sort());
    expect(moved('down')).toEqual(['九江浔环环保设备有限公司', '九江鑫鹰人防设备有限公司'].sort());
    expect(moved('entered')).toEqual(['九江东智传感技术有限公司', '九江康浔医疗器械有限公司'].sort());
    expect(moved('left')).toEqual([]);
    // 浔环 grew into 规上 in 2022: A of 规下 in 2021, B of 规上 in 2022.
    const xunhuan = of('浔环环保');
    expect(xunhuan).toMatchObject({ from: { standing: 'A', groupKey: 'belowScale', rank: 1 }, to: { standing: 'B', groupKey: 'aboveScale', rank: 6 } });
    const run = (await leader.get(`/api/v1/evaluation/runs/${run2022}`)).json();
    expect(xunhuan.to.total).toBe(run.results.find((r: { enterpriseId: string }) => r.enterpriseId === xunhuan.enterpriseId).total);
    expect(of('鸿利达')).toMatchObject({ from: { standing: 'D' }, to: { standing: 'D' }, movement: 'same' });
    expect(of('东智传感')).toMatchObject({ from: { standing: 'T', total: null }, to: { standing: 'B' } });
    expect(of('浔锂新能源')).toMatchObject({ from: { standing: 'T' }, to: { standing: 'T' }, movement: 'unclassed' });
  });

  it('counts the class transitions', () => {
    expect(comparison.transitions).toEqual([
      { from: 'A', to: 'A', count: 3 },
      { from: 'A', to: 'B', count: 1 },
      { from: 'B', to: 'A', count: 1 },
      { from: 'B', to: 'B', count: 6 },
      { from: 'B', to: 'C', count: 1 },
      { from: 'C', to: 'B', count: 1 },
      { from: 'C', to: 'C', count: 6 },
      { from: 'D', to: 'D', count: 1 },
      { from: 'T', to: 'B', count: 1 },
      { from: 'T', to: 'C', count: 1 },
      { from: 'T', to: 'T', count: 5 },
    ]);
  });

  it('answers 404 when either run does not exist, and 400 without both', async () => {
    for (const query of [`from=nope&to=${run2022}`, `from=${run2021}&to=nope`]) {
      const res = await leader.get(`/api/v1/evaluation/compare?${query}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const res = await leader.get(`/api/v1/evaluation/compare?from=${run2021}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('is the committee’s: an enterprise user is refused', async () => {
    const res = await (await t.login('hongli')).get(`/api/v1/evaluation/compare?from=${run2021}&to=${run2022}`);
    expect(res.statusCode).toBe(403);
  });
});
