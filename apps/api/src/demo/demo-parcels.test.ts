import { describe, expect, it } from 'vitest';
import { geometryAreaSqm, geometryProblem } from '../lib/geo';
import { DEMO_ENTERPRISES } from './demo-data';
import { demoParcels } from './demo-parcels';

const firms = DEMO_ENTERPRISES.map((e, i) => ({ ...e, id: `e${i}`, unitId: `u-${e.unitCode}`, establishedOn: e.establishedOn }));
const parcels = demoParcels(firms);

describe('demo parcels', () => {
  it('gives every demo enterprise a parcel with a usable outline, and codes that do not repeat', () => {
    expect(new Set(parcels.map((p) => p.holderEnterpriseId))).toEqual(new Set(firms.map((f) => f.id)));
    expect(parcels.map((p) => geometryProblem(p.geometry))).toEqual(parcels.map(() => null));
    expect(new Set(parcels.map((p) => p.code)).size).toBe(parcels.length);
  });

  it('draws outlines as large as their certificates, except the one drawn 8 % off', () => {
    const off = parcels.filter((p) => Math.abs(geometryAreaSqm(p.geometry) / p.registeredAreaSqm - 1) > 0.05);
    expect(off.map((p) => p.name)).toEqual(['紫昊新材料地块（演示数据）']);
  });

  it('keeps outlines apart, so parcels never overlap on the map', () => {
    const boxes = parcels.map((p) => {
      const pts = (p.geometry.coordinates as number[][][])[0]!;
      return { x0: Math.min(...pts.map((q) => q[0]!)), x1: Math.max(...pts.map((q) => q[0]!)), y0: Math.min(...pts.map((q) => q[1]!)), y1: Math.max(...pts.map((q) => q[1]!)) };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `${parcels[i]!.code} / ${parcels[j]!.code}`).toBe(true);
      }
    }
  });

  it('has an idle-land candidate and the incubator’s leases', () => {
    expect(parcels.filter((p) => p.status === 'suppliedNotStarted').map((p) => p.agreedStartOn)).toEqual(['2024-06-30']);
    expect(parcels.find((p) => p.tenure === 'allocation')!.leases).toHaveLength(2);
  });
});
