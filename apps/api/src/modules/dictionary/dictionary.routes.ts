import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { industrySchema, unitSchema } from '@yuanqu/contracts';
import { ALL_ROLES } from '../../http/access';
import type { AppDeps } from '../../app';
import { enterpriseUnitPath, listUnits, presentUnit } from '../unit/unit.repository';
import { visibleUnits } from '../unit/unit';
import { INDUSTRIES } from './industry';

export const dictionaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/dictionaries/industries',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['dictionaries'], summary: 'GB/T 4754-2017 industry codes', response: { 200: z.array(industrySchema) } } },
    async () => [...INDUSTRIES],
  );

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
};
