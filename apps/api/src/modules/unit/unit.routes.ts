import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitCreateSchema, unitSchema } from '@yuanqu/contracts';
import { ALL_ROLES } from '../../http/access';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { enterpriseUnitPath, listUnits, presentUnit } from './unit.repository';
import { createUnit } from './unit.service';
import { visibleUnits } from './unit';

export const unitRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/units',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['units'], summary: 'Organisation units in the viewer scope', response: { 200: z.array(unitSchema) } } },
    async (request) => {
      const viewer = request.viewer!;
      const units = await listUnits(db);
      if (viewer.role === 'enterprise') {
        const own = await enterpriseUnitPath(db, viewer.enterpriseId ?? '');
        // An enterprise user sees the chain of units above its own enterprise, nothing beside it.
        return own ? units.filter((u) => own.startsWith(u.path)).map(presentUnit) : [];
      }
      return visibleUnits(units, viewer.unitPaths).map(presentUnit);
    },
  );

  app.post(
    '/units',
    { config: { access: { roles: ['admin'] } }, schema: { tags: ['units'], summary: 'Add a district, base, park or zone', body: unitCreateSchema, response: { 201: unitSchema } } },
    async (request, reply) => reply.status(201).send(await createUnit(deps, contextOf(request, deps.clock), request.body)),
  );
};
