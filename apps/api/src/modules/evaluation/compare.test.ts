import { describe, expect, it } from 'vitest';
import { compareResults, movementOf, type CompareEntry } from './compare';

const ranked = (enterpriseId: string, name: string, cls: 'A' | 'B' | 'C' | 'D', total: number, rank: number, groupKey = 'aboveScale'): CompareEntry => ({
  enterpriseId,
  name,
  unitName: '1号园',
  status: 'ranked',
  class: cls,
  groupKey,
  total,
  rank,
});
const exempt = (enterpriseId: string, name: string): CompareEntry => ({ enterpriseId, name, unitName: '3号园', status: 'exempt', class: 'T', groupKey: 'belowScale', total: null, rank: null });
const out = (enterpriseId: string, name: string): CompareEntry => ({ enterpriseId, name, unitName: '3号园', status: 'outOfScope', class: null, groupKey: null, total: null, rank: null });

describe('movement between two runs', () => {
  it('moves up or down by class order A > B > C > D', () => {
    expect(movementOf('C', 'B')).toBe('up');
    expect(movementOf('D', 'A')).toBe('up');
    expect(movementOf('A', 'B')).toBe('down');
    expect(movementOf('B', 'B')).toBe('same');
  });

  it('enters the classes from T, out of scope or absence, leaves them the other way, and is unclassed in neither', () => {
    expect(movementOf('T', 'C')).toBe('entered');
    expect(movementOf('absent', 'A')).toBe('entered');
    expect(movementOf('outOfScope', 'D')).toBe('entered');
    expect(movementOf('B', 'T')).toBe('left');
    expect(movementOf('D', 'absent')).toBe('left');
    expect(movementOf('T', 'T')).toBe('unclassed');
    expect(movementOf('T', 'absent')).toBe('unclassed');
  });
});

describe('compareResults', () => {
  // 2021: 甲 A, 乙 B, 丙 C, 丁 D (vetoed), 戊 T, 己 out of scope, 庚 B.   2022: 甲 B, 乙 B, 丙 A, 丁 D, 戊 C, 己 out, 辛 A (new).
  const from: CompareEntry[] = [
    ranked('e1', '甲', 'A', 120, 1),
    ranked('e2', '乙', 'B', 100, 2),
    ranked('e3', '丙', 'C', 80, 3),
    { ...ranked('e4', '丁', 'D', 90, 0), status: 'vetoed', rank: null },
    exempt('e5', '戊'),
    out('e6', '己'),
    ranked('e7', '庚', 'B', 99, 3),
  ];
  const to: CompareEntry[] = [
    ranked('e1', '甲', 'B', 101, 3),
    ranked('e2', '乙（更名）', 'B', 102, 2),
    ranked('e3', '丙', 'A', 130, 1),
    ranked('e4', '丁', 'D', 60, 6),
    ranked('e5', '戊', 'C', 85, 4, 'belowScale'),
    out('e6', '己'),
    ranked('e8', '辛', 'A', 125, 1),
  ];
  const { enterprises, transitions } = compareResults(from, to);
  const byId = new Map(enterprises.map((e) => [e.enterpriseId, e]));

  it('lists every enterprise of either run once, with both standings and totals', () => {
    expect(enterprises).toHaveLength(8);
    expect(byId.get('e1')).toMatchObject({ name: '甲', from: { standing: 'A', total: 120, rank: 1 }, to: { standing: 'B', total: 101, rank: 3 }, movement: 'down' });
    expect(byId.get('e3')!.movement).toBe('up');
    expect(byId.get('e2')).toMatchObject({ name: '乙（更名）', movement: 'same' });
    expect(byId.get('e4')).toMatchObject({ from: { standing: 'D', rank: null }, movement: 'same' });
    expect(byId.get('e5')).toMatchObject({ from: { standing: 'T', total: null }, to: { standing: 'C', groupKey: 'belowScale' }, movement: 'entered' });
    expect(byId.get('e6')!.movement).toBe('unclassed');
    expect(byId.get('e7')).toMatchObject({ to: { standing: 'absent', groupKey: null, total: null }, movement: 'left' });
    expect(byId.get('e8')).toMatchObject({ from: { standing: 'absent' }, movement: 'entered' });
  });

  it('counts the transitions from each standing to each other, in class order', () => {
    expect(transitions).toEqual([
      { from: 'A', to: 'B', count: 1 },
      { from: 'B', to: 'B', count: 1 },
      { from: 'B', to: 'absent', count: 1 },
      { from: 'C', to: 'A', count: 1 },
      { from: 'D', to: 'D', count: 1 },
      { from: 'T', to: 'C', count: 1 },
      { from: 'outOfScope', to: 'outOfScope', count: 1 },
      { from: 'absent', to: 'A', count: 1 },
    ]);
  });

  it('does not depend on the order of the results', () => {
    expect(compareResults([...from].reverse(), [...to].reverse())).toEqual({ enterprises, transitions });
  });
});
