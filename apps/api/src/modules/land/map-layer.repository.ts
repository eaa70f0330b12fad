import type { MapLayerKind } from '@yuanqu/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/database';
import type { MapLayerTable } from '../../db/schema';

export type MapLayerRow = Selectable<MapLayerTable>;

/** The layers' features in kind and file order, with the path of the unit an area stands for. */
export function listLayerRows(db: Db, kind?: MapLayerKind): Promise<(MapLayerRow & { unitPath: string | null })[]> {
  let query = db.selectFrom('mapLayer as l').leftJoin('unit as u', 'u.id', 'l.unitId').selectAll('l').select('u.path as unitPath');
  if (kind) query = query.where('l.kind', '=', kind);
  return query.orderBy('l.kind').orderBy('l.position').execute();
}

/** The highest version among a kind's features, 0 when it has none. */
export async function layerVersion(db: Db | Trx, kind: MapLayerKind): Promise<{ version: number; count: number }> {
  const row = await db
    .selectFrom('mapLayer')
    .select((eb) => [eb.fn.max('version').as('version'), eb.fn.countAll<number>().as('count')])
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version ?? 0), count: Number(row.count) };
}

/** Replaces every feature of a kind with these (none: the kind is cleared); returns how many went. */
export async function replaceLayer(trx: Trx, kind: MapLayerKind, rows: MapLayerRow[]): Promise<number> {
  const gone = await trx.deleteFrom('mapLayer').where('kind', '=', kind).executeTakeFirst();
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('mapLayer').values(rows.slice(i, i + 200)).execute();
  return Number(gone.numDeletedRows);
}

/**
 * What the shoreline layers look like now, cheaply: per kind the number of features and the
 * newest id. Ids are fresh UUIDv7s on every import, so any replacement or deletion — by this
 * process or another — changes it.
 */
export async function shorelineStamp(db: Db): Promise<string> {
  const rows = await db
    .selectFrom('mapLayer')
    .select((eb) => ['kind', eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
    .where('kind', 'in', ['shorelineMain', 'shorelineTributary'])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => `${r.kind}:${Number(r.n)}:${r.last}`).join('|');
}

export function shorelineRows(db: Db): Promise<Pick<MapLayerRow, 'kind' | 'geometry' | 'approximate'>[]> {
  return db.selectFrom('mapLayer').select(['kind', 'geometry', 'approximate']).where('kind', 'in', ['shorelineMain', 'shorelineTributary']).execute();
}
