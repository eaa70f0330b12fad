import { describe, expect, it } from 'vitest';
import type { LineGeometry, ParcelGeometry } from '@yuanqu/contracts';
import { indexShoreline } from '../lib/shoreline-distance';
import { boundsOf } from '../modules/land/map-layer.service';
import { DEMO_ENTERPRISES, DEMO_UNITS } from './demo-data';
import { demoLayers, mainstreamLatAt } from './demo-layers';
import { demoParcels } from './demo-parcels';

const firms = DEMO_ENTERPRISES.map((e, i) => ({ ...e, id: `e${i}`, unitId: `u-${e.unitCode}`, establishedOn: e.establishedOn }));
const parcels = demoParcels(firms).map((p) => ({ ...p, unitCode: p.unitId.slice(2) }));
const layers = demoLayers(parcels);
const of = (kind: string) => layers.filter((l) => l.kind === kind);
const contains = (outer: ReturnType<typeof boundsOf>, inner: ReturnType<typeof boundsOf>) =>
  outer.minLon < inner.minLon && outer.minLat < inner.minLat && outer.maxLon > inner.maxLon && outer.maxLat > inner.maxLat;
const apart = (a: ReturnType<typeof boundsOf>, b: ReturnType<typeof boundsOf>) => a.maxLon < b.minLon || b.maxLon < a.minLon || a.maxLat < b.minLat || b.maxLat < a.minLat;

describe('demo map layers', () => {
  it('draws the two parks and each functional zone around its own parcels, none overlapping', () => {
    expect(of('park').map((l) => l.name)).toEqual(['1号园', '3号园']);
    expect(of('zone').map((l) => l.unitCode).sort()).toEqual(DEMO_UNITS.filter((u) => u.kind === 'zone').map((u) => u.code).sort());
    for (const p of parcels) {
      const zone = of('zone').find((z) => z.unitCode === p.unitCode)!;
      const park = of('park').find((k) => k.unitCode === DEMO_UNITS.find((u) => u.code === p.unitCode)!.parentCode)!;
      expect(contains(boundsOf(zone.geometry), boundsOf(p.geometry)), p.code).toBe(true);
      expect(contains(boundsOf(park.geometry), boundsOf(zone.geometry)), zone.name).toBe(true);
    }
    for (const kind of ['zone', 'park']) {
      const boxes = of(kind).map((l) => boundsOf(l.geometry));
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(apart(a, b)).toBe(true)));
    }
  });

  it('keeps every parcel on dry land south of the mainstream, some within 1 km, some beyond 3 km', () => {
    for (const p of parcels) for (const [lon, lat] of (p.geometry as Extract<ParcelGeometry, { type: 'Polygon' }>).coordinates[0]!) expect(lat).toBeLessThan(mainstreamLatAt(lon!));
    const main = indexShoreline(of('shorelineMain').map((l) => l.geometry as LineGeometry))!;
    const metres = parcels.map((p) => main.fromGeometry(p.geometry));
    expect(Math.min(...metres)).toBeGreaterThan(500);
    expect(metres.filter((d) => d <= 1_000).length).toBeGreaterThan(0);
    expect(metres.filter((d) => d > 1_000 && d <= 3_000).length).toBeGreaterThan(0);
    expect(metres.filter((d) => d > 3_000).length).toBeGreaterThan(0);
    const within1Km = parcels.filter((_, i) => metres[i]! <= 1_000).map((p) => p.unitCode);
    expect(new Set(within1Km)).toEqual(new Set(['XY-CD-P1-PET']));
  });

  it('runs the tributary into the mainstream past 3号园, within 1 km of its logistics parcels and crossing none', () => {
    const [tributary] = of('shorelineTributary');
    const path = (tributary!.geometry as Extract<LineGeometry, { type: 'LineString' }>).coordinates;
    expect(path[path.length - 1]![1]).toBeCloseTo(mainstreamLatAt(path[path.length - 1]![0]), 6);
    const index = indexShoreline([tributary!.geometry as LineGeometry])!;
    const metres = parcels.map((p) => ({ zone: p.unitCode, d: index.fromGeometry(p.geometry) }));
    expect(Math.min(...metres.map((m) => m.d))).toBeGreaterThan(300);
    expect(new Set(metres.filter((m) => m.d <= 1_000).map((m) => m.zone))).toEqual(new Set(['XY-CD-P3-LOG']));
  });

  it('lays the 滨江东路 axis inland of the bank and north of the parcels, crossing none', () => {
    const [axis] = of('axis');
    const path = (axis!.geometry as Extract<LineGeometry, { type: 'LineString' }>).coordinates;
    for (const [lon, lat] of path) expect(lat).toBeLessThan(mainstreamLatAt(lon!) - 0.003);
    const index = indexShoreline([axis!.geometry as LineGeometry])!;
    for (const p of parcels) {
      expect(index.fromGeometry(p.geometry), p.code).toBeGreaterThan(200);
      expect(boundsOf(p.geometry).maxLat).toBeLessThan(mainstreamLatAt(boundsOf(p.geometry).maxLon) - 0.0035);
    }
  });
});
