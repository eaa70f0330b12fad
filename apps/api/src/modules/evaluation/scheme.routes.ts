import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemeRecordSchema, schemeSummarySchema, schemeUpdateSchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { copyScheme, deleteScheme, getScheme, listSchemes, updateScheme } from './scheme.service';

const tags = ['evaluation'];
const params = z.object({ id: z.string().max(40) });
/** The committee reads the schemes; an administrator keeps them. */
const admin = { roles: ['admin'] } as const;

/** 亩产效益 schemes as versioned data: read by the committee, edited by an admin until a run freezes a version. */
export const schemeRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/evaluation/schemes',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Every version of every scheme, newest version first, with whether runs used it and what it was copied from', response: { 200: z.array(schemeSummarySchema) } } },
    async () => listSchemes(db),
  );

  app.get(
    '/evaluation/schemes/:id',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'One version with its whole scheme and row version', params, response: { 200: schemeRecordSchema } } },
    async (request) => getScheme(db, request.params.id),
  );

  app.put(
    '/evaluation/schemes/:id',
    {
      config: { access: admin },
      schema: {
        tags,
        summary: 'Save the whole scheme of an unfrozen version at its row version (409 CONFLICT when stale, 409 SCHEME_FROZEN once a run used it)',
        params,
        body: schemeUpdateSchema,
        response: { 200: schemeRecordSchema },
      },
    },
    async (request) => updateScheme(db, contextOf(request, clock), request.params.id, request.body),
  );

  app.post(
    '/evaluation/schemes/:id/versions',
    { config: { access: admin }, schema: { tags, summary: 'A new, unfrozen version of the same scheme, copied from this one', params, response: { 201: schemeRecordSchema } } },
    async (request, reply) => reply.status(201).send(await copyScheme(db, contextOf(request, clock), request.params.id)),
  );

  app.delete(
    '/evaluation/schemes/:id',
    { config: { access: admin }, schema: { tags, summary: 'Delete a version no run used, nothing was copied from, and that is not its scheme’s only one', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteScheme(db, contextOf(request, clock), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
