import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config';
import type { Db } from './db/database';
import { registerAuth } from './http/auth';
import { registerErrorHandler } from './http/error-handler';
import { registerSecurityHeaders } from './http/security-headers';
import type { Clock } from './lib/clock';
import { AppError } from './lib/errors';
import { newId } from './lib/ids';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { userRoutes } from './modules/auth/user.routes';
import { dictionaryRoutes } from './modules/dictionary/dictionary.routes';
import { enterpriseRoutes } from './modules/enterprise/enterprise.routes';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes';
import { schemeRoutes } from './modules/evaluation/scheme.routes';
import { evaluationReviewRoutes } from './modules/evaluation/review.routes';
import { basemapRoutes, TIANDITU_HOSTS } from './modules/land/basemap.routes';
import { idleCaseRoutes } from './modules/land/idle-case.routes';
import { disposalRoutes } from './modules/land/disposal.routes';
import { landRoutes } from './modules/land/land.routes';
import { mapLayerRoutes } from './modules/land/map-layer.routes';
import { notificationRoutes } from './modules/notification/notification.routes';
import { statisticsExcelRoutes } from './modules/statistics/statistics-excel.routes';
import { statisticsRoutes } from './modules/statistics/statistics.routes';
import { targetRoutes } from './modules/target/target.routes';
import { unitRoutes } from './modules/unit/unit.routes';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
}

/** Builds the whole HTTP application; tests call this with their own config, database and clock. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    trustProxy: config.trustProxy,
    genReqId: () => newId(),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 100 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { hsts: config.cookieSecure, imageHosts: config.tiandituKey ? [TIANDITU_HOSTS] : [] });
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('RATE_LIMITED', `too many attempts; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  registerAuth(app, deps);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Yuanqu 园区 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yuanqu_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => {
    await sql`select 1`.execute(deps.db);
    return { status: 'ok' as const };
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, deps);
      await api.register(userRoutes, deps);
      await api.register(dictionaryRoutes, deps);
      await api.register(unitRoutes, deps);
      await api.register(enterpriseRoutes, deps);
      await api.register(statisticsRoutes, deps);
      await api.register(statisticsExcelRoutes, deps);
      await api.register(targetRoutes, deps);
      await api.register(notificationRoutes, deps);
      await api.register(landRoutes, deps);
      await api.register(evaluationRoutes, deps);
      await api.register(schemeRoutes, deps);
      await api.register(evaluationReviewRoutes, deps);
      await api.register(idleCaseRoutes, deps);
      await api.register(basemapRoutes, deps);
      await api.register(disposalRoutes, deps);
      await api.register(mapLayerRoutes, deps);
      await api.register(auditRoutes, deps);
    },
    { prefix: '/api/v1' },
  );

  await serveWeb(app, config.webDist);
  return app;
}

/** The built web app at `/`, with unknown non-API paths falling back to index.html (SPA routes). */
async function serveWeb(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const dist = webDist ?? path.resolve(import.meta.dirname ?? '.', '../../web/dist');
  const hasWeb = fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies of its text files (apps/web/build/precompress.ts): the
      // browser gets the smaller one it accepts (2.6 MB of scripts and styles → 0.7 MB).
      preCompressed: true,
      // Hashed file names change with their content: a browser keeps them for a year without asking again.
      setHeaders: (reply, file) => {
        if (path.relative(dist, file).startsWith(`assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/healthz';
    if (hasWeb && request.method === 'GET' && !isApi) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'no such route', requestId: request.id } });
  });
}
