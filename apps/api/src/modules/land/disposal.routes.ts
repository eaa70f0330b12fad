import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  disposalCaseSchema,
  disposalInputSchema,
  disposalListQuerySchema,
  disposalListSchema,
  disposalStateChangeSchema,
  disposalUpdateSchema,
  milestoneAddSchema,
  milestoneUpdateSchema,
} from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import { localDate } from '../../lib/clock';
import type { AppDeps } from '../../app';
import { addMilestone, changeDisposalState, updateMilestone } from './disposal-progress.service';
import { createDisposal, getDisposal, listDisposals, updateDisposal } from './disposal.service';
import { write as LAND_WRITE } from './land.routes';

const idParams = z.object({ id: z.string().max(40) });
const milestoneParams = idParams.extend({ milestoneId: z.string().max(40) });
const tags = ['land'];

/** 低效用地处置: the committee reads the cases of its parcels; 规划土地 keeps them. */
export const disposalRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;
  const today = () => localDate(clock.now());

  app.get(
    '/land/disposals',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Low-efficiency land disposal cases by kind, state, park or zone and text; overdue judged today', querystring: disposalListQuerySchema, response: { 200: disposalListSchema } } },
    async (request) => listDisposals(deps, request.viewer!, request.query, today()),
  );

  app.post(
    '/land/disposals',
    { config: { access: LAND_WRITE }, schema: { tags, summary: 'Open a case (拟定), numbered CZ-<year>-<nnn> unless a code is given', body: disposalInputSchema, response: { 201: disposalCaseSchema } } },
    async (request, reply) => reply.status(201).send(await createDisposal(deps, contextOf(request, clock), request.body)),
  );

  app.get(
    '/land/disposals/:id',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'A case with its milestones and dated state history', params: idParams, response: { 200: disposalCaseSchema } } },
    async (request) => getDisposal(db, request.viewer!, request.params.id, today()),
  );

  app.patch(
    '/land/disposals/:id',
    { config: { access: LAND_WRITE }, schema: { tags, summary: 'Edit an open case; 409 on a stale version', params: idParams, body: disposalUpdateSchema, response: { 200: disposalCaseSchema } } },
    async (request) => updateDisposal(deps, contextOf(request, clock), request.params.id, request.body),
  );

  app.post(
    '/land/disposals/:id/state',
    {
      config: { access: LAND_WRITE },
      schema: { tags, summary: 'Move a case on (拟定 → 实施中 → 已完成, or 已终止 with a reason), dated; completing a 协商收回 case may record its parcels as 收回', params: idParams, body: disposalStateChangeSchema, response: { 200: disposalCaseSchema } },
    },
    async (request) => changeDisposalState(db, contextOf(request, clock), request.params.id, request.body),
  );

  app.post(
    '/land/disposals/:id/milestones',
    { config: { access: LAND_WRITE }, schema: { tags, summary: 'Add a measure or milestone to an open case', params: idParams, body: milestoneAddSchema, response: { 200: disposalCaseSchema } } },
    async (request) => addMilestone(db, contextOf(request, clock), request.params.id, request.body),
  );

  app.patch(
    '/land/disposals/:id/milestones/:milestoneId',
    { config: { access: LAND_WRITE }, schema: { tags, summary: 'Edit a milestone, or tick it done (doneOn) or undone (doneOn: null)', params: milestoneParams, body: milestoneUpdateSchema, response: { 200: disposalCaseSchema } } },
    async (request) => updateMilestone(db, contextOf(request, clock), request.params.id, request.params.milestoneId, request.body),
  );
};
