import { z } from 'zod';
import { parcelGeometrySchema } from './land';
import { shorelineDistanceSchema } from './shoreline';

/**
 * The map's layers ("一轴两园四区" and the Yangtze): parks and functional zones as areas, the
 * 滨江东路 development axis and the shorelines as lines. The mainstream (干流) and tributary (支流)
 * shorelines are kept apart because the Yangtze rules measure from each differently.
 */
export const MAP_LAYER_KINDS = ['park', 'zone', 'axis', 'shorelineMain', 'shorelineTributary'] as const;
export type MapLayerKind = (typeof MAP_LAYER_KINDS)[number];
/** Kinds drawn as areas (Polygon/MultiPolygon); the others are lines (LineString/MultiLineString). */
export const AREA_LAYER_KINDS: readonly MapLayerKind[] = ['park', 'zone'];

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const path = z.array(position).min(2);

/** A line in longitude/latitude (CGCS2000 ≈ WGS84). */
export const lineGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: path }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(path).min(1) }),
]);
export type LineGeometry = z.infer<typeof lineGeometrySchema>;

export const mapLayerPropertiesSchema = z.object({
  kind: z.enum(MAP_LAYER_KINDS),
  name: z.string(),
  /** The park or zone unit an area stands for, when known (scope follows it). */
  unitId: z.string().nullable(),
  /** Drawn for illustration, not from survey data: the map and the distances say so. */
  approximate: z.boolean(),
  /** Where the geometry comes from (e.g. 水利部门岸线划定成果, or 示意，非测绘成果). */
  source: z.string().nullable(),
  /** Counts the imports of this kind: every feature of one import shares it. */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type MapLayerProperties = z.infer<typeof mapLayerPropertiesSchema>;

/** The layers a viewer may see, as a GeoJSON FeatureCollection. */
export const mapLayerCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.union([parcelGeometrySchema, lineGeometrySchema]),
      properties: mapLayerPropertiesSchema,
    }),
  ),
});
export type MapLayerCollection = z.infer<typeof mapLayerCollectionSchema>;

export const mapLayerImportResultSchema = z.object({
  kind: z.enum(MAP_LAYER_KINDS),
  /** Features now in the layer (the previous ones were replaced). */
  features: z.number().int(),
  replaced: z.number().int(),
  version: z.number().int(),
});
export type MapLayerImportResult = z.infer<typeof mapLayerImportResultSchema>;

/** A parcel by id, or a point by longitude and latitude. */
export const distanceQuerySchema = z
  .strictObject({
    parcelId: z.string().max(40).optional(),
    lon: z.coerce.number().min(73).max(136).optional(),
    lat: z.coerce.number().min(3).max(54).optional(),
  })
  .refine((q) => (q.parcelId === undefined) !== (q.lon === undefined && q.lat === undefined) && (q.lon === undefined) === (q.lat === undefined), {
    message: 'give either parcelId, or lon and lat',
    path: ['parcelId'],
  });
export type DistanceQuery = z.infer<typeof distanceQuerySchema>;

export const distanceResultSchema = shorelineDistanceSchema.extend({ parcelId: z.string().nullable() });
export type DistanceResult = z.infer<typeof distanceResultSchema>;
