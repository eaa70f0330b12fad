import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS, userCreateSchema, userSchema, userUpdateSchema } from '@yuanqu/contracts';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { createUser, listAllUsers, resetPassword, updateUserAccount } from './user.service';

const admin = { roles: ['admin'] } as const;
const idParams = z.object({ id: z.string().max(40) });

export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/users', { config: { access: admin }, schema: { tags: ['users'], response: { 200: z.array(userSchema) } } }, async () => listAllUsers(deps));

  app.post(
    '/users',
    { config: { access: admin }, schema: { tags: ['users'], body: userCreateSchema, response: { 201: userSchema } } },
    async (request, reply) => {
      const user = await createUser(deps, contextOf(request, deps.clock), { ...request.body, mustChangePassword: true });
      return reply.status(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    { config: { access: admin }, schema: { tags: ['users'], params: idParams, body: userUpdateSchema, response: { 200: userSchema } } },
    async (request) => updateUserAccount(deps, contextOf(request, deps.clock), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: admin },
      schema: {
        tags: ['users'],
        summary: 'Set a temporary password the user must change at next login',
        params: idParams,
        body: z.strictObject({ password: z.string().min(1).max(LIMITS.passwordMax) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(deps, contextOf(request, deps.clock), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
};
