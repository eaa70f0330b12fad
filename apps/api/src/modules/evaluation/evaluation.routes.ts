import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runProgressSchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { previewSchema, runSchema, runSummarySchema } from './evaluation.schemas';
import { createRun, getRun, listRuns, previewEvaluation } from './evaluation.service';
import { ProgressBoard } from './progress';

const tags = ['evaluation'];
const year = z.coerce.number().int().min(2000).max(2100);
/** 经济发展 (the statistics office) runs the evaluation; admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;

/** 亩产效益: a preview of the reference scheme on a year, and runs that keep their inputs with their results. */
export const evaluationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;
  const board = new ProgressBoard(clock);

  app.get(
    '/evaluation/preview',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'The reference scheme on a year’s figures and land, computed now and not stored', querystring: z.strictObject({ year }), response: { 200: previewSchema } } },
    async (request) => previewEvaluation(deps, request.viewer!, request.query.year),
  );

  app.get(
    '/evaluation/runs',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Runs, newest first', response: { 200: z.array(runSummarySchema) } } },
    async () => listRuns(db),
  );

  app.post(
    '/evaluation/runs',
    {
      config: { access: write },
      schema: { tags, summary: 'Run the reference scheme on a year and keep every input beside its result; with a progressToken, its progress can be read while it runs', body: z.strictObject({ year, progressToken: z.uuid().optional() }), response: { 201: runSummarySchema } },
    },
    async (request, reply) => {
      const { year: runYear, progressToken } = request.body;
      const progress = progressToken ? board.start(progressToken, request.viewer!.userId) : undefined;
      try {
        const run = await createRun({ ...deps, progress }, contextOf(request, clock), runYear);
        if (progressToken) board.finish(progressToken);
        return reply.status(201).send(run);
      } catch (err) {
        if (progressToken) board.drop(progressToken);
        throw err;
      }
    },
  );

  app.get(
    '/evaluation/runs/progress/:token',
    { config: { access: { roles: ['admin', 'staff'] } }, schema: { tags, summary: 'Where the caller’s run with this progress token stands (kept a few minutes after it ends)', params: z.object({ token: z.uuid() }), response: { 200: runProgressSchema } } },
    async (request) => board.read(request.params.token, request.viewer!.userId),
  );

  app.get(
    '/evaluation/runs/:id',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'A run’s results (in the viewer’s scope), as computed', params: z.object({ id: z.string().max(40) }), response: { 200: runSchema } } },
    async (request) => getRun(db, request.viewer!, request.params.id),
  );
};
