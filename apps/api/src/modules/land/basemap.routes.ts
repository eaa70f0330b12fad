import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMMITTEE } from '../../http/access';
import type { AppDeps } from '../../app';

/** Where 天地图's tiles come from (t0 … t7), for the content security policy. */
export const TIANDITU_HOSTS = 'https://*.tianditu.gov.cn';

const basemapSchema = z.object({ provider: z.literal('tianditu').nullable(), key: z.string().nullable() });

/** The optional basemap of the land map: 天地图 when `TIANDITU_KEY` is configured, else none (the map needs no tiles). */
export const basemapRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { config }) => {
  app.get(
    '/land/basemap',
    { config: { access: { roles: COMMITTEE } }, schema: { tags: ['land'], summary: 'The configured basemap (天地图 browser key) or none', response: { 200: basemapSchema } } },
    async () => (config.tiandituKey ? { provider: 'tianditu' as const, key: config.tiandituKey } : { provider: null, key: null }),
  );
};
