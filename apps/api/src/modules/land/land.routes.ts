import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enterpriseLandSchema, factoryInputSchema, factorySchema, factorySummarySchema, factoryUpdateSchema, importResultSchema, LIMITS, parcelCollectionSchema, parcelInputSchema, parcelListQuerySchema, parcelMapCollectionSchema, parcelSchema, parcelUpdateSchema } from '@yuanqu/contracts';
import { ALL_ROLES, COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import { localDate } from '../../lib/clock';
import { AppError, conflict } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { appendAudit } from '../audit/audit.repository';
import { auditEvent } from '../audit/audit.context';
import { readSetting, writeSetting } from '../setting/setting.repository';
import { createFactory, factorySummary, listFactories, updateFactory } from './factory.service';
import { idleCheck, idleCheckSchema } from './idle.service';
import { importParcels } from './parcel-import.service';
import * as service from './parcel.service';

/** 规划土地 keeps the parcels; admins may too. */
export const write = { roles: ['admin', 'staff'], writeDepartments: ['land'] } as const;
const idParams = z.object({ id: z.string().max(40) });
const tags = ['land'];
const landSettingsSchema = z.strictObject({ areaTolerance: z.number().min(0).max(1), version: z.number().int().min(1) });

export const landRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/land/parcels',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Parcels as a GeoJSON FeatureCollection', querystring: parcelListQuerySchema, response: { 200: parcelCollectionSchema } } },
    async (request) => service.listParcels(deps, request.viewer!, request.query),
  );

  app.get(
    '/land/parcels/map',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Parcels for the map: outline, code, name, status, holder, unit and 亩 (same filters as the list)', querystring: parcelListQuerySchema, response: { 200: parcelMapCollectionSchema } } },
    async (request) => service.listParcelMap(deps, request.viewer!, request.query),
  );

  app.post(
    '/land/parcels',
    { config: { access: write }, schema: { tags, body: parcelInputSchema, response: { 201: parcelSchema } } },
    async (request, reply) => reply.status(201).send(await service.createParcel(deps, contextOf(request, clock), request.body)),
  );

  app.post(
    '/land/parcels/import',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Import a GeoJSON FeatureCollection or a zipped Shapefile (.shp, .dbf, optional .prj/.cpg; multipart field "file"; CGCS2000 lon/lat or 3-degree Gauss-Krüger 117°E): all parcels or none',
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const part = await request.file({ limits: { fileSize: LIMITS.importBytesMax, files: 1 } });
      if (!part) throw new AppError('VALIDATION', 'no file uploaded');
      const key = request.headers['idempotency-key'];
      return importParcels(deps, contextOf(request, clock), { file: await part.toBuffer(), idempotencyKey: typeof key === 'string' ? key.slice(0, 100) : null });
    },
  );

  app.get(
    '/land/parcels/:id',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, params: idParams, response: { 200: parcelSchema } } },
    async (request) => service.getParcel(deps, request.viewer!, request.params.id),
  );

  app.patch(
    '/land/parcels/:id',
    { config: { access: write }, schema: { tags, summary: 'Edit; a new status is dated (statusSince, default today); 409 on a stale version', params: idParams, body: parcelUpdateSchema, response: { 200: parcelSchema } } },
    async (request) => service.updateParcel(deps, contextOf(request, clock), request.params.id, request.body),
  );

  app.get(
    '/land/enterprises/:id/area',
    {
      config: { access: { roles: ALL_ROLES } },
      schema: { tags, summary: 'An enterprise’s land: own + leased in − leased out (an enterprise user: its own)', params: idParams, querystring: z.strictObject({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }), response: { 200: enterpriseLandSchema } },
    },
    async (request) => service.enterpriseLand(deps, request.viewer!, request.params.id, request.query.asOf ?? localDate(clock.now())),
  );

  app.get(
    '/land/idle-check',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'Parcels the idle-land rules find idle on a day (default today): fee after one full year, recovery after two', querystring: z.strictObject({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }), response: { 200: idleCheckSchema } },
    },
    async (request) => idleCheck(db, request.viewer!, request.query.asOf ?? localDate(clock.now())),
  );

  app.get(
    '/land/factories',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Standard factory buildings with their park or zone and occupants by name', response: { 200: z.array(factorySchema) } } },
    async (request) => listFactories(db, request.viewer!),
  );

  app.get(
    '/land/factories/summary',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'Floor area completed each year (this year up to today) against the yearly goal of target standardFactory2025, and the occupancy', response: { 200: factorySummarySchema } },
    },
    async (request) => factorySummary(db, clock, request.viewer!),
  );

  app.post(
    '/land/factories',
    { config: { access: write }, schema: { tags, body: factoryInputSchema, response: { 201: factorySchema } } },
    async (request, reply) => reply.status(201).send(await createFactory(db, contextOf(request, clock), request.body)),
  );

  app.patch(
    '/land/factories/:id',
    { config: { access: write }, schema: { tags, summary: 'Edit; 409 on a stale version', params: idParams, body: factoryUpdateSchema, response: { 200: factorySchema } } },
    async (request) => updateFactory(db, contextOf(request, clock), request.params.id, request.body),
  );

  app.get(
    '/land/settings',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, response: { 200: landSettingsSchema } } },
    async () => {
      const { value, version } = await readSetting(db, service.LAND_SETTINGS_KEY, service.DEFAULT_LAND_SETTINGS);
      return { ...value, version };
    },
  );

  app.put(
    '/land/settings',
    { config: { access: write }, schema: { tags, summary: 'The share by which an outline’s area may differ from the registered one', body: landSettingsSchema, response: { 200: landSettingsSchema } } },
    async (request) => {
      const { version, ...value } = request.body;
      const ctx = contextOf(request, clock);
      const saved = await db.transaction().execute(async (trx) => {
        if (!(await writeSetting(trx, service.LAND_SETTINGS_KEY, value, version, clock.now().toISOString()))) return false;
        await appendAudit(trx, [auditEvent(ctx, 'setting.update', { entityType: 'setting', entityId: service.LAND_SETTINGS_KEY, detail: { new: value } })]);
        return true;
      });
      const current = await readSetting(db, service.LAND_SETTINGS_KEY, service.DEFAULT_LAND_SETTINGS);
      if (!saved) throw conflict({ ...current.value, version: current.version });
      return { ...current.value, version: current.version };
    },
  );
};
