import { MAP_LAYER_KINDS } from '@yuanqu/contracts';
import type { Trx } from '../db/database';
import { replaceLayer } from '../modules/land/map-layer.repository';
import { layerRow } from '../modules/land/map-layer.service';
import { DEMO_LAYER_SOURCE, demoLayers } from './demo-layers';
import { demoParcels, type DemoParcelFirm } from './demo-parcels';

/** Writes the demo map layers, drawn around the demo parcels, all flagged approximate. */
export async function seedDemoLayers(trx: Trx, firms: DemoParcelFirm[], unitIdOf: (code: string) => string, now: string): Promise<number> {
  const codeOf = new Map(firms.map((f) => [f.unitId, f.unitCode]));
  const layers = demoLayers(demoParcels(firms).map((p) => ({ unitCode: codeOf.get(p.unitId)!, geometry: p.geometry })));
  for (const kind of MAP_LAYER_KINDS) {
    const rows = layers
      .filter((l) => l.kind === kind)
      .map((l, i) => layerRow(kind, { name: l.name, unitId: l.unitCode ? unitIdOf(l.unitCode) : null, geometry: l.geometry, approximate: true, source: DEMO_LAYER_SOURCE }, i, 1, now));
    await replaceLayer(trx, kind, rows);
  }
  return layers.length;
}
