import { createHash } from 'node:crypto';
import type { ImportProblem, LineGeometry, MapLayerCollection, MapLayerImportResult, MapLayerKind, ParcelGeometry } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { AppError, forbidden } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent, type RequestContext } from '../audit/audit.context';
import { unitInScope, type Viewer } from '../auth/viewer';
import { unitMap, type UnitRow } from '../unit/unit.repository';
import { readLayerFeatures, type LayerFeature } from './map-layer-import';
import { layerVersion, listLayerRows, replaceLayer, type MapLayerRow } from './map-layer.repository';

/** The name a feature gets when its file gives none. */
const DEFAULT_NAMES: Record<MapLayerKind, string> = {
  park: '园区',
  zone: '功能区',
  axis: '发展轴',
  shorelineMain: '长江干流岸线',
  shorelineTributary: '支流岸线',
};

/** The bounding box of any GeoJSON geometry's positions. */
export function boundsOf(g: ParcelGeometry | LineGeometry) {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      [minLon, minLat, maxLon, maxLat] = [Math.min(minLon, x!), Math.min(minLat, y!), Math.max(maxLon, x!), Math.max(maxLat, y!)];
    } else for (const child of c as unknown[]) walk(child);
  };
  walk(g.coordinates);
  return { minLon, minLat, maxLon, maxLat };
}

/** A layer row from a checked feature. */
export function layerRow(kind: MapLayerKind, f: Omit<LayerFeature, 'row' | 'unit'> & { name: string; unitId: string | null }, position: number, version: number, now: string): MapLayerRow {
  return {
    id: newId(),
    kind,
    name: f.name,
    unitId: f.unitId,
    geometry: JSON.stringify(f.geometry),
    ...boundsOf(f.geometry),
    approximate: f.approximate ? 1 : 0,
    source: f.source,
    position,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

/** The layers the viewer may see: parks and zones outside its scope are left out. */
export async function listLayers(db: Db, viewer: Viewer, kind?: MapLayerKind): Promise<MapLayerCollection> {
  const rows = await listLayerRows(db, kind);
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.unitPath === null || unitInScope(viewer, r.unitPath))
      .map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: JSON.parse(r.geometry) as ParcelGeometry | LineGeometry,
        properties: { kind: r.kind as MapLayerKind, name: r.name, unitId: r.unitId, approximate: r.approximate === 1, source: r.source, version: r.version, updatedAt: r.updatedAt },
      })),
  };
}

/** Layers span the whole base: replacing or clearing one is for staff without a unit scope. */
function assertBaseWide(viewer: Viewer): void {
  if (viewer.unitPaths !== null) throw forbidden('map layers cover the whole base; only accounts without a unit scope may replace them');
}

function unitFor(kind: MapLayerKind, f: LayerFeature, units: UnitRow[], problems: ImportProblem[]): UnitRow | null | undefined {
  if (f.unit === null) return null;
  const unit = units.find((u) => u.kind === kind && (u.code === f.unit || u.name === f.unit));
  if (!unit) problems.push({ row: f.row, column: 'unit', value: f.unit, reason: kind === 'park' ? '没有这个园区' : '没有这个功能区' });
  return unit;
}

/**
 * Replaces every feature of one kind with a GeoJSON file's (lon/lat or Gauss-Krüger 117°E): all
 * features are checked first and any problem refuses the file, listed by feature number; the old
 * features go and the new ones arrive in one transaction, audited.
 */
export async function importLayer(db: Db, ctx: RequestContext, kind: MapLayerKind, file: Buffer): Promise<MapLayerImportResult> {
  const viewer = ctx.viewer!;
  assertBaseWide(viewer);
  const { features, problems } = readLayerFeatures(file.toString('utf8'), kind);
  const units = [...(await unitMap(db)).values()];
  const resolved = features.map((f) => ({ f, unit: unitFor(kind, f, units, problems) }));
  if (problems.length > 0) {
    throw new AppError('IMPORT_INVALID', `${problems.length} problems; nothing was imported`, { problems: [...problems].sort((a, b) => a.row - b.row) });
  }
  const now = ctx.clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    const version = (await layerVersion(trx, kind)).version + 1;
    const rows = resolved.map(({ f, unit }, i) => layerRow(kind, { ...f, name: f.name ?? unit?.name ?? DEFAULT_NAMES[kind], unitId: unit?.id ?? null }, i, version, now));
    const replaced = await replaceLayer(trx, kind, rows);
    const fileHash = createHash('sha256').update(file).digest('hex');
    const detail = { kind, features: rows.length, replaced, version, fileHash, approximate: rows.some((r) => r.approximate === 1) };
    await appendAudit(trx, [auditEvent(ctx, 'mapLayer.import', { entityType: 'mapLayer', entityId: kind, detail })]);
    return { kind, features: rows.length, replaced, version };
  });
}

/** Clears one kind (e.g. the demo's approximate tributary where none applies); audited. */
export async function deleteLayer(db: Db, ctx: RequestContext, kind: MapLayerKind): Promise<{ kind: MapLayerKind; deleted: number }> {
  assertBaseWide(ctx.viewer!);
  return db.transaction().execute(async (trx) => {
    const deleted = await replaceLayer(trx, kind, []);
    await appendAudit(trx, [auditEvent(ctx, 'mapLayer.delete', { entityType: 'mapLayer', entityId: kind, detail: { kind, deleted } })]);
    return { kind, deleted };
  });
}
