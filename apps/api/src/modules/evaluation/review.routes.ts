import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adjustmentInputSchema, adjustmentSchema, enterpriseResultSchema, objectionAnswerSchema, objectionInputSchema, objectionSchema, POLICY_LEVERS, policyListRowSchema, runSummarySchema, runTransitionSchema } from '@yuanqu/contracts';
import { ALL_ROLES, COMMITTEE } from '../../http/access';
import { attachment, XLSX } from '../../http/attachment';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { enterpriseResults } from './enterprise-results.service';
import { answerObjection, fileObjection, listObjections } from './objection.service';
import { policyList, policyListWorkbook } from './policy-lists';
import { addAdjustment, listAdjustments, removeAdjustment, transitionRun } from './review.service';

const tags = ['evaluation'];
const id = z.object({ id: z.string().max(40) });
/** 经济发展 adjusts, reviews and publishes (approval by a second account); admins may too. */
const write = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;
const lever = z.strictObject({ lever: z.enum(POLICY_LEVERS) });

/** 亩产效益 review: adjustments with reasons, the review steps, policy lists per lever, the enterprise's own results and its objections. */
export const evaluationReviewRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/evaluation/runs/:id/adjustments',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Staff adjustments (加分, 减分, 一票否决, T) of a run, with reason and evidence', params: id, response: { 200: z.array(adjustmentSchema) } } },
    async (request) => listAdjustments(db, request.viewer!, request.params.id),
  );

  app.post(
    '/evaluation/runs/:id/adjustments',
    { config: { access: write }, schema: { tags, summary: 'Adjust one enterprise of a draft run; the run is computed again', params: id, body: adjustmentInputSchema, response: { 201: z.object({ adjustment: adjustmentSchema, run: runSummarySchema }) } } },
    async (request, reply) => reply.status(201).send(await addAdjustment(db, contextOf(request, clock), request.params.id, request.body)),
  );

  app.delete(
    '/evaluation/runs/:id/adjustments/:adjustmentId',
    { config: { access: write }, schema: { tags, summary: 'Remove an adjustment of a draft run; the run is computed again', params: id.extend({ adjustmentId: z.string().max(40) }), response: { 200: runSummarySchema } } },
    async (request) => removeAdjustment(db, contextOf(request, clock), request.params.id, request.params.adjustmentId),
  );

  app.post(
    '/evaluation/runs/:id/transitions',
    { config: { access: write }, schema: { tags, summary: 'Submit, approve (another account), return with a note, or publish; 409 on a stale version', params: id, body: runTransitionSchema, response: { 200: runSummarySchema } } },
    async (request) => transitionRun(db, contextOf(request, clock), request.params.id, request.body),
  );

  app.get(
    '/evaluation/runs/:id/policies',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'The enterprises a lever’s policies apply to (the list for a utility or bank)', params: id, querystring: lever, response: { 200: z.array(policyListRowSchema) } } },
    async (request) => (await policyList(db, request.viewer!, request.params.id, request.query.lever)).rows,
  );

  app.get(
    '/evaluation/runs/:id/policies/export',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'The same list as xlsx', params: id, querystring: lever } },
    async (request, reply) => {
      const list = await policyList(db, request.viewer!, request.params.id, request.query.lever);
      return reply.type(XLSX).header('content-disposition', attachment(`${list.run.year}年度差别化政策名单-${request.query.lever}.xlsx`)).send(policyListWorkbook(list, request.query.lever));
    },
  );

  app.get(
    '/evaluation/enterprises/:id/results',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags, summary: 'An enterprise’s published results, newest year first (an enterprise user: its own only)', params: id, response: { 200: z.array(enterpriseResultSchema) } } },
    async (request) => enterpriseResults(db, request.viewer!, request.params.id),
  );

  app.post(
    '/evaluation/runs/:id/objections',
    { config: { access: { roles: ['enterprise'] } }, schema: { tags, summary: 'Object (异议) to the own result in a published run', params: id, body: objectionInputSchema, response: { 201: objectionSchema } } },
    async (request, reply) => reply.status(201).send(await fileObjection(db, contextOf(request, clock), request.params.id, request.body.text)),
  );

  app.get(
    '/evaluation/objections',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'Objections of enterprises in scope, open first', querystring: z.strictObject({ state: z.enum(['open', 'answered']).optional(), runId: z.string().max(40).optional() }), response: { 200: z.array(objectionSchema) } },
    },
    async (request) => listObjections(db, request.viewer!, request.query),
  );

  app.post(
    '/evaluation/objections/:id/answer',
    { config: { access: write }, schema: { tags, summary: 'Answer an objection (维持 or 予以更正, with reasons); 409 on a stale version', params: id, body: objectionAnswerSchema, response: { 200: objectionSchema } } },
    async (request) => answerObjection(db, contextOf(request, clock), request.params.id, request.body),
  );
};
