import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { industrySchema } from '@yuanqu/contracts';
import { ALL_ROLES } from '../../http/access';
import type { AppDeps } from '../../app';
import { INDUSTRIES } from './industry';

export const dictionaryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app) => {
  app.get(
    '/dictionaries/industries',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['dictionaries'], summary: 'GB/T 4754-2017 industry codes', response: { 200: z.array(industrySchema) } } },
    async () => [...INDUSTRIES],
  );
};
