import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idleCaseActionSchema, idleCaseListQuerySchema, idleCaseSchema, idleJobResultSchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import { localDate } from '../../lib/clock';
import type { AppDeps } from '../../app';
import { runIdleJob } from './idle-case.job';
import { getIdleCase, listIdleCases, recordIdleAction } from './idle-case.service';

/** 规划土地 runs the cases; admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['land'] } as const;
const idParams = z.object({ id: z.string().max(40) });
const tags = ['land'];

export const idleCaseRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;
  const today = () => localDate(clock.now());

  app.get(
    '/land/idle-cases',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Idle-land cases with their acts, computed deadlines and the acts possible next', querystring: idleCaseListQuerySchema, response: { 200: z.array(idleCaseSchema) } } },
    async (request) => listIdleCases(db, request.viewer!, request.query, today()),
  );

  app.post(
    '/land/idle-cases/run',
    {
      config: { access: write },
      schema: { tags, summary: 'Run the idle-land job now (it also runs daily): opens a case for each new finding; idempotent', response: { 200: idleJobResultSchema } },
    },
    async (request) => runIdleJob(db, contextOf(request, clock), today()),
  );

  app.get(
    '/land/idle-cases/:id',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, params: idParams, response: { 200: idleCaseSchema } } },
    async (request) => getIdleCase(db, request.viewer!, request.params.id, today()),
  );

  app.post(
    '/land/idle-cases/:id/actions',
    {
      config: { access: write },
      schema: { tags, summary: 'Record the next act (dated today, signed by the caller); 409 on a stale version', params: idParams, body: idleCaseActionSchema, response: { 200: idleCaseSchema } },
    },
    async (request) => recordIdleAction(db, contextOf(request, clock), request.params.id, request.body),
  );
};
