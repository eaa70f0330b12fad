import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { distanceQuerySchema, distanceResultSchema, LIMITS, MAP_LAYER_KINDS, mapLayerCollectionSchema, mapLayerImportResultSchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { deleteLayer, importLayer, listLayers } from './map-layer.service';
import { distance } from './shoreline.service';

/** 规划土地 keeps the layers, as it keeps the parcels; admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['land'] } as const;
const kindParams = z.object({ kind: z.enum(MAP_LAYER_KINDS) });
const tags = ['land'];

export const mapLayerRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/land/layers',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'The map layers (parks, zones, axis, shorelines) as GeoJSON; parks and zones outside the viewer’s scope left out', querystring: z.strictObject({ kind: z.enum(MAP_LAYER_KINDS).optional() }), response: { 200: mapLayerCollectionSchema } },
    },
    async (request) => listLayers(db, request.viewer!, request.query.kind),
  );

  app.post(
    '/land/layers/:kind/import',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Replace every feature of one kind with a GeoJSON FeatureCollection (multipart field "file"; lon/lat or Gauss-Krüger 117°E): all features or none',
        consumes: ['multipart/form-data'],
        params: kindParams,
        response: { 200: mapLayerImportResultSchema },
      },
    },
    async (request) => {
      const part = await request.file({ limits: { fileSize: LIMITS.importBytesMax, files: 1 } });
      if (!part) throw new AppError('VALIDATION', 'no file uploaded');
      return importLayer(db, contextOf(request, clock), request.params.kind, await part.toBuffer());
    },
  );

  app.delete(
    '/land/layers/:kind',
    { config: { access: write }, schema: { tags, summary: 'Remove every feature of one kind', params: kindParams, response: { 200: z.object({ kind: z.enum(MAP_LAYER_KINDS), deleted: z.number().int() }) } } },
    async (request) => deleteLayer(db, contextOf(request, clock), request.params.kind),
  );

  app.get(
    '/land/distance',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'Metres from a parcel (parcelId) or a point (lon, lat) to the nearest mainstream and tributary shoreline, and the 1 km / 3 km buffers it falls in', querystring: distanceQuerySchema, response: { 200: distanceResultSchema } },
    },
    async (request) => distance(db, request.viewer!, request.query),
  );
};
