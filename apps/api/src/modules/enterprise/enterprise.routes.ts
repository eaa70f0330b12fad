import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeSchema,
  enterpriseCreateSchema,
  enterpriseListQuerySchema,
  enterpriseListSchema,
  enterpriseSchema,
  enterpriseStatsSchema,
  enterpriseUpdateSchema,
  importResultSchema,
  LIMITS,
} from '@yuanqu/contracts';
import { ALL_ROLES, COMMITTEE } from '../../http/access';
import { attachment, XLSX } from '../../http/attachment';
import { contextOf } from '../../http/auth';
import { sendJsonBytes } from '../../http/json-bytes';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { listUnits } from '../unit/unit.repository';
import { streamWorkbook, templateWorkbook } from './enterprise-excel';
import { importEnterprises } from './enterprise-import.service';
import { listPageJson } from './enterprise-list';
import * as service from './enterprise.service';
import { localDate } from '../../lib/clock';

const WRITERS = ['economy', 'service'] as const;
const write = { roles: ['admin', 'staff'], writeDepartments: WRITERS } as const;
const idParams = z.object({ id: z.string().max(40) });
const versionBody = z.strictObject({ version: z.number().int().min(1) });


export const enterpriseRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock } = deps;

  app.get(
    '/enterprises',
    {
      config: { access: { roles: ALL_ROLES } },
      // Sent as the JSON bytes listPageJson keeps (gzipped when accepted): the schema documents them.
      schema: { tags: ['enterprises'], querystring: enterpriseListQuerySchema, response: { 200: enterpriseListSchema } },
    },
    async (request, reply) => sendJsonBytes(request, reply as FastifyReply, await listPageJson(deps, request.viewer!, request.query, request.changes)),
  );

  app.get(
    '/enterprises/stats',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['enterprises'], summary: 'Counts by park, zone, industry, scale', response: { 200: enterpriseStatsSchema } } },
    // Sent as the JSON bytes kept per scope (gzipped when accepted): the schema documents them.
    async (request, reply) => sendJsonBytes(request, reply as FastifyReply, await service.enterpriseStatsJson(deps, request.viewer!, request.changes)),
  );

  app.get(
    '/enterprises/export',
    { config: { access: { roles: COMMITTEE } }, schema: { tags: ['enterprises'], summary: 'The filtered list as xlsx', querystring: enterpriseListQuerySchema.omit({ page: true, pageSize: true, sort: true }) } },
    async (request, reply) => {
      const stream = streamWorkbook('企业', true, async (add) => {
        await service.exportEnterprises(deps, request.viewer!, request.query, add);
      });
      const day = localDate(clock.now());
      return reply.type(XLSX).header('content-disposition', attachment(`企业名录-${day}.xlsx`)).send(stream);
    },
  );

  app.get(
    '/enterprises/import-template',
    { config: { access: write }, schema: { tags: ['enterprises'], summary: 'The import template (xlsx)' } },
    async (_request, reply) => reply.type(XLSX).header('content-disposition', attachment('企业导入模板.xlsx')).send(await templateWorkbook(await listUnits(deps.db))),
  );

  app.post(
    '/enterprises/import',
    {
      config: { access: write },
      schema: { tags: ['enterprises'], summary: 'Import an xlsx (multipart field "file"): all rows or none', consumes: ['multipart/form-data'], response: { 200: importResultSchema } },
    },
    async (request) => {
      const part = await request.file({ limits: { fileSize: LIMITS.importBytesMax, files: 1 } });
      if (!part) throw new AppError('VALIDATION', 'no file uploaded');
      const file = await part.toBuffer();
      const key = request.headers['idempotency-key'];
      return importEnterprises(deps, contextOf(request, clock), { file, idempotencyKey: typeof key === 'string' ? key.slice(0, 100) : null });
    },
  );

  app.post(
    '/enterprises',
    { config: { access: write }, schema: { tags: ['enterprises'], body: enterpriseCreateSchema, response: { 201: enterpriseSchema } } },
    async (request, reply) => reply.status(201).send(await service.createEnterprise(deps, contextOf(request, clock), request.body)),
  );

  app.get(
    '/enterprises/:id',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['enterprises'], params: idParams, response: { 200: enterpriseSchema } } },
    async (request) => service.getEnterprise(deps, request.viewer!, request.params.id),
  );

  app.patch(
    '/enterprises/:id',
    {
      config: { access: { roles: ['admin', 'staff', 'enterprise'], writeDepartments: WRITERS } },
      schema: { tags: ['enterprises'], summary: 'Edit; a stale version gets 409 with the current record', params: idParams, body: enterpriseUpdateSchema, response: { 200: enterpriseSchema } },
    },
    async (request) => service.updateEnterpriseFields(deps, contextOf(request, clock), request.params.id, request.body),
  );

  for (const [action, status] of [['archive', 'archived'], ['restore', 'active']] as const) {
    app.post(
      `/enterprises/:id/${action}`,
      { config: { access: write }, schema: { tags: ['enterprises'], params: idParams, body: versionBody, response: { 200: enterpriseSchema } } },
      async (request) => service.setEnterpriseStatus(deps, contextOf(request, clock), request.params.id, request.body.version, status),
    );
  }

  app.get(
    '/enterprises/:id/history',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags: ['enterprises'], params: idParams, response: { 200: z.array(changeSchema) } } },
    async (request) => service.getHistory(deps, request.viewer!, request.params.id),
  );
};
