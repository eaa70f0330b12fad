import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { targetEvaluationSchema, targetInputSchema, targetListQuerySchema, targetListSchema, targetUpdateSchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import * as service from './target.service';
import { localDate } from '../../lib/clock';

/** 经济发展/统计 keeps the targets; admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;
const idParams = z.object({ id: z.string().max(40) });
const versionBody = z.strictObject({ version: z.number().int().min(1) });
const tags = ['targets'];

export const targetRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/targets',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'The plan’s targets with progress, trajectory, projection and verdict', querystring: targetListQuerySchema, response: { 200: targetListSchema } } },
    async (request) => service.listEvaluations(db, request.viewer!, localDate(clock.now()), request.query),
  );

  app.post(
    '/targets',
    { config: { access: write }, schema: { tags, body: targetInputSchema, response: { 201: targetEvaluationSchema } } },
    async (request, reply) => reply.status(201).send(await service.createTarget(db, contextOf(request, clock), request.body)),
  );

  app.patch(
    '/targets/:id',
    { config: { access: write }, schema: { tags, summary: 'Edit; a stale version gets 409 with the current target', params: idParams, body: targetUpdateSchema, response: { 200: targetEvaluationSchema } } },
    async (request) => service.updateTarget(db, contextOf(request, clock), request.params.id, request.body),
  );

  for (const [action, status] of [['retire', 'retired'], ['restore', 'active']] as const) {
    app.post(
      `/targets/:id/${action}`,
      { config: { access: write }, schema: { tags, params: idParams, body: versionBody, response: { 200: targetEvaluationSchema } } },
      async (request) => service.setTargetStatus(db, contextOf(request, clock), request.params.id, request.body.version, status),
    );
  }
};
