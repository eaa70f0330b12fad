import { DISPOSAL_KINDS, DISPOSAL_STATES } from '@yuanqu/contracts';
import { describe, expect, it } from 'vitest';
import { geometryProblem } from '../lib/geo';
import { caseOverdue, milestoneOverdue } from '../modules/land/disposal';
import { DEMO_ENTERPRISES } from './demo-data';
import { demoDisposals } from './demo-disposals';
import { demoParcels } from './demo-parcels';

const today = '2026-03-02';
const firms = DEMO_ENTERPRISES.map((e, i) => ({ ...e, id: `e${i}`, unitId: `u-${e.unitCode}` }));
const existing = demoParcels(firms);
const { parcels, cases } = demoDisposals(firms, existing, (code) => `u-${code}`, today);
const byTitle = (part: string) => cases.find((c) => c.title.includes(part))!;

describe('demo disposal cases', () => {
  it('has the plan’s three parcels through 腾笼换鸟 before 2023, each held by the firm that came in', () => {
    for (const name of ['旭升电子', '智鸿', '海源物流']) {
      const c = byTitle(name);
      expect(c, name).toMatchObject({ kind: 'replacement', completedOn: expect.stringMatching(/^20(19|20|21|22)-/) });
      expect(c.states.at(-1)!.state).toBe('completed');
      expect(c.milestones.every((m) => m.doneOn !== null)).toBe(true);
      const parcel = parcels.find((p) => p.input.code === c.parcelCodes[0])!;
      expect(parcel.input.name).toBe(`${name}地块（演示数据）`);
      expect(parcel.input.holderEnterpriseId).toBe(c.incomingEnterpriseId);
      expect(parcel.input.holderEnterpriseId).not.toBeNull();
    }
  });

  it('has 金旺达’s 两断四清 done before 2023, its case still running', () => {
    const c = byTitle('金旺达');
    expect(c.states.at(-1)!.state).toBe('inProgress');
    const clearing = c.milestones.slice(0, 5);
    expect(clearing.map((m) => m.title)).toEqual(['断水、断电', '清原料', '清产品', '清设备', '清场地']);
    expect(clearing.every((m) => m.doneOn !== null && m.doneOn < '2023-01-01')).toBe(true);
    expect(c.milestones.some((m) => m.doneOn === null)).toBe(true);
    expect(parcels.find((p) => p.input.code === c.parcelCodes[0])!.input).toMatchObject({ name: '金旺达地块（演示数据）', status: 'suspended' });
  });

  it('has every kind and every state, every case on a parcel, and numbers that do not repeat', () => {
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(DISPOSAL_KINDS));
    expect(new Set(cases.map((c) => c.states.at(-1)!.state))).toEqual(new Set(DISPOSAL_STATES));
    expect(cases.every((c) => c.parcelCodes.length === 1)).toBe(true);
    expect(new Set(cases.map((c) => c.code)).size).toBe(cases.length);
  });

  it('dates nothing after today, and has an overdue milestone and no overdue case', () => {
    for (const c of cases) {
      expect(c.states.every((s) => s.since <= today), c.title).toBe(true);
      expect(c.milestones.every((m) => m.doneOn === null || m.doneOn <= today), c.title).toBe(true);
      expect(caseOverdue({ state: c.states.at(-1)!.state, deadlineOn: c.deadlineOn }, today), c.title).toBe(false);
    }
    const late = cases.flatMap((c) => c.milestones.filter((m) => milestoneOverdue(m, c.states.at(-1)!.state, today)).map(() => c.kind));
    expect(late).toEqual(['rectification']);
  });

  it('places the former firms’ parcels on their zones’ grids, clear of every other parcel', () => {
    const all = [...existing, ...parcels.map((p) => p.input)];
    expect(parcels.map((p) => geometryProblem(p.input.geometry))).toEqual(parcels.map(() => null));
    expect(new Set(all.map((p) => p.code)).size).toBe(all.length);
    const boxes = all.map((p) => {
      const pts = (p.geometry.coordinates as number[][][])[0]!;
      return { x0: Math.min(...pts.map((q) => q[0]!)), x1: Math.max(...pts.map((q) => q[0]!)), y0: Math.min(...pts.map((q) => q[1]!)), y1: Math.max(...pts.map((q) => q[1]!)) };
    });
    for (let i = existing.length; i < boxes.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${all[i]!.code} / ${all[j]!.code}`).toBe(true);
      }
    }
  });
});
