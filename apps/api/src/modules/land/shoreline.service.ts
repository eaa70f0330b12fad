import { SHORELINE_BUFFERS_M, type DistanceQuery, type DistanceResult, type LineGeometry, type ParcelGeometry, type ShorelineDistance } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { indexShoreline, type ShorelineDistance as Index } from '../../lib/shoreline-distance';
import { unitInScope, type Viewer } from '../auth/viewer';
import { findParcel } from './parcel.repository';
import { shorelineRows, shorelineStamp } from './map-layer.repository';

/** The indexed mainstream and tributary shorelines; null where no such layer is loaded. */
export interface Shorelines {
  main: { index: Index; approximate: boolean } | null;
  tributary: { index: Index; approximate: boolean } | null;
}

const cache = new WeakMap<Db, { stamp: string; shorelines: Promise<Shorelines> }>();

async function build(db: Db): Promise<Shorelines> {
  const rows = await shorelineRows(db);
  const of = (kind: string) => {
    const mine = rows.filter((r) => r.kind === kind);
    const index = indexShoreline(mine.map((r) => JSON.parse(r.geometry) as LineGeometry));
    return index ? { index, approximate: mine.some((r) => r.approximate === 1) } : null;
  };
  return { main: of('shorelineMain'), tributary: of('shorelineTributary') };
}

/**
 * The shorelines, indexed once and kept until the layers change (a cheap stamp query per call
 * tells; an import or deletion in any process changes the stamp).
 */
export async function shorelines(db: Db): Promise<Shorelines> {
  const stamp = await shorelineStamp(db);
  const hit = cache.get(db);
  if (hit?.stamp === stamp) return hit.shorelines;
  const shorelines = build(db);
  cache.set(db, { stamp, shorelines });
  // A failed read is not kept: the next call tries again.
  shorelines.catch(() => cache.get(db)?.shorelines === shorelines && cache.delete(db));
  return shorelines;
}

const metres = (d: number) => Math.round(d * 10) / 10;

/** Distances (to 0.1 m) and the Yangtze buffers (methodology §6) from measured distances. */
export function shorelineFigures(s: Shorelines, measure: (index: Index) => number): ShorelineDistance {
  const main = s.main ? metres(measure(s.main.index)) : null;
  const tributary = s.tributary ? metres(measure(s.tributary.index)) : null;
  return {
    mainstream: {
      distanceM: main,
      within1Km: main !== null && main <= SHORELINE_BUFFERS_M.near,
      within3Km: main !== null && main <= SHORELINE_BUFFERS_M.mainstreamFar,
      approximate: s.main?.approximate ?? false,
    },
    tributary: { distanceM: tributary, within1Km: tributary !== null && tributary <= SHORELINE_BUFFERS_M.near, approximate: s.tributary?.approximate ?? false },
  };
}

/** A parcel outline's distances to the shorelines. */
export const parcelShoreline = (s: Shorelines, g: ParcelGeometry): ShorelineDistance => shorelineFigures(s, (index) => index.fromGeometry(g));

/** `GET /land/distance`: a parcel in the viewer's scope by id, or any point. */
export async function distance(db: Db, viewer: Viewer, q: DistanceQuery): Promise<DistanceResult> {
  const s = await shorelines(db);
  if (q.parcelId !== undefined) {
    const parcel = await findParcel(db, q.parcelId);
    if (!parcel || !unitInScope(viewer, parcel.unitPath)) throw notFound('parcel');
    return { parcelId: parcel.id, ...parcelShoreline(s, JSON.parse(parcel.geometry) as ParcelGeometry) };
  }
  return { parcelId: null, ...shorelineFigures(s, (index) => index.fromPoint(q.lon!, q.lat!)) };
}
