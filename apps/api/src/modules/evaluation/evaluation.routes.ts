import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { compareQuerySchema, compareSchema, previewSchema, runProgressSchema, runQuerySchema, runSchema, runSummarySchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { attachment, XLSX } from '../../http/attachment';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { runWorkbook } from './evaluation-excel';
import { compareRuns, getRun, readRun } from './evaluation-read.service';
import { createRun, listRuns, previewEvaluation } from './evaluation.service';
import { ProgressBoard } from './progress';
import { schemeForRun } from './scheme.service';

const tags = ['evaluation'];
const year = z.coerce.number().int().min(2000).max(2100);
/** A scheme version; none: the newest version of the reference scheme. */
const schemeId = z.string().max(40).optional();
/** 经济发展 (the statistics office) runs the evaluation; admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;

/** 亩产效益: a preview of a scheme version on a year, and runs that keep their inputs with their results. */
export const evaluationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;
  const board = new ProgressBoard(clock);

  app.get(
    '/evaluation/preview',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'A scheme version (default: the newest reference version) on a year’s figures and land, computed now and not stored', querystring: z.strictObject({ year, schemeId }), response: { 200: previewSchema } } },
    async (request) => previewEvaluation(deps, request.viewer!, request.query.year, await schemeForRun(db, request.query.schemeId)),
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
      schema: { tags, summary: 'Run a scheme version (default: the newest reference version) on a year, keep every input beside its result, and freeze the version; with a progressToken, its progress can be read while it runs', body: z.strictObject({ year, schemeId, progressToken: z.uuid().optional() }), response: { 201: runSummarySchema } },
    },
    async (request, reply) => {
      const { year: runYear, schemeId: chosenId, progressToken } = request.body;
      const chosen = await schemeForRun(db, chosenId);
      const progress = progressToken ? board.start(progressToken, request.viewer!.userId) : undefined;
      try {
        const run = await createRun({ ...deps, progress }, contextOf(request, clock), runYear, chosen);
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
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'A run’s results (in the viewer’s scope), as computed; with enterpriseId, that enterprise’s only', params: z.object({ id: z.string().max(40) }), querystring: runQuerySchema, response: { 200: runSchema } },
    },
    async (request) => getRun(db, request.viewer!, request.params.id, request.query.enterpriseId),
  );

  app.get(
    '/evaluation/runs/:id/export',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'A run’s results (in the viewer’s scope) as the xlsx a committee publishes: one sheet per group by rank, T, and 未纳入评价', params: z.object({ id: z.string().max(40) }) },
    },
    async (request, reply) => {
      const run = await readRun(db, request.viewer!, request.params.id);
      return reply.type(XLSX).header('content-disposition', attachment(`亩产效益评价结果-${run.row.year}.xlsx`)).send(runWorkbook(run));
    },
  );

  app.get(
    '/evaluation/compare',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Two runs side by side: each enterprise’s class and total in both, its movement, and the class transition counts', querystring: compareQuerySchema, response: { 200: compareSchema } } },
    async (request) => compareRuns(db, request.viewer!, request.query.from, request.query.to),
  );
};
