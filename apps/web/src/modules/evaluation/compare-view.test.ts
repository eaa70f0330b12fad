import { describe, expect, it } from 'vitest';
import type { RunSummary } from '@yuanqu/contracts';
import { classByEnterprise, classParcelStyle, parcelClassCounts } from './class-map';
import { defaultBaseline, movers, transitionMatrix, type Mover } from './compare-view';
import { result } from './test-fixtures';

const side = (standing: Mover['from']['standing'], total: number | null = null) => ({ standing, groupKey: 'aboveScale', total, rank: null });
const mover = (name: string, from: Mover['from']['standing'], to: Mover['to']['standing'], movement: Mover['movement']): Mover => ({ enterpriseId: name, name, unitName: '1号园', from: side(from), to: side(to), movement });

describe('year over year', () => {
  it('lays the A–D transitions out as a matrix, rows the earlier class', () => {
    const matrix = transitionMatrix([
      { from: 'A', to: 'A', count: 3 },
      { from: 'B', to: 'C', count: 1 },
      { from: 'T', to: 'B', count: 2 },
    ]);
    expect(matrix.map((r) => [r.from, Object.values(r.counts)])).toEqual([
      ['A', [3, 0, 0, 0]],
      ['B', [0, 0, 1, 0]],
      ['C', [0, 0, 0, 0]],
      ['D', [0, 0, 0, 0]],
    ]);
  });

  it('lists movers up and down, the biggest moves first', () => {
    const { up, down } = movers([mover('乙', 'C', 'B', 'up'), mover('甲', 'D', 'A', 'up'), mover('丙', 'A', 'B', 'down'), mover('丁', 'T', 'C', 'entered'), mover('戊', 'B', 'B', 'same')]);
    expect(up.map((m) => m.name)).toEqual(['甲', '乙']);
    expect(down.map((m) => m.name)).toEqual(['丙']);
  });

  it('compares by default with the latest run of the year before, else of an earlier year', () => {
    const review = { submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null, reviewNote: null, publishedBy: null, publishedAt: null, version: 1 };
    const run = (id: string, year: number, createdAt: string): RunSummary => ({ id, year, createdAt, scheme: { id: null, code: 'reference', version: 1, name: '参考方案', reference: true }, state: 'draft', enterprises: 27, createdBy: '统计员', ...review });
    const runs = [run('r22b', 2022, '2026-03-03T00:00:00Z'), run('r22a', 2022, '2026-03-02T00:00:00Z'), run('r21a', 2021, '2026-03-01T00:00:00Z'), run('r21b', 2021, '2026-03-04T00:00:00Z'), run('r19', 2019, '2026-03-05T00:00:00Z')];
    expect(defaultBaseline(runs, { id: 'r22b', year: 2022 })?.id).toBe('r21b');
    expect(defaultBaseline(runs, { id: 'r21a', year: 2021 })?.id).toBe('r19');
    expect(defaultBaseline(runs, { id: 'r19', year: 2019 })).toBeUndefined();
  });
});

describe('the map by class', () => {
  const classes = classByEnterprise([
    result({ enterpriseId: 'e1', name: '甲', class: 'A' }),
    result({ enterpriseId: 'e2', name: '乙', status: 'exempt', class: 'T' }),
    result({ enterpriseId: 'e3', name: '丙', status: 'outOfScope', class: null, groupKey: null }),
  ]);

  it('colours a parcel by its holder’s class, and one with no holder in the run as 未评价', () => {
    expect(classParcelStyle(classes.get('e1') ?? null, false)).toEqual({ fill: 'rgba(103, 194, 58, 0.55)', stroke: '#67c23a', width: 1.5 });
    expect(classParcelStyle(classes.get('e3') ?? null, false).stroke).toBe('#b1b3b8');
    expect(classParcelStyle('D', true)).toEqual({ fill: 'rgba(245, 108, 108, 0.8)', stroke: '#1f2d3d', width: 3 });
  });

  it('counts the parcels of each class for the legend', () => {
    expect(parcelClassCounts(['e1', 'e1', 'e2', 'e3', null, 'zz'], classes)).toEqual({ A: 2, B: 0, C: 0, D: 0, T: 1, unrated: 3 });
  });
});
