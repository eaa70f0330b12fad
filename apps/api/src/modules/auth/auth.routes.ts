import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginSchema, passwordChangeSchema, sessionSchema } from '@yuanqu/contracts';
import { ALL_ROLES } from '../../http/access';
import { clearSessionCookie, contextOf, setSessionCookie } from '../../http/auth';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { login, logout, sessionUser } from './auth.service';
import { changeOwnPassword } from './user.service';

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { config, clock } = deps;
  const session = { roles: ALL_ROLES, allowPasswordChange: true } as const;

  app.post(
    '/auth/login',
    {
      config: {
        access: { public: true },
        rateLimit: { max: config.password.ratePerMinute, timeWindow: 60_000 },
      },
      schema: { tags: ['auth'], summary: 'Log in; sets the session cookie', body: loginSchema, response: { 200: sessionSchema } },
    },
    async (request, reply) => {
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) throw new AppError('CSRF', 'foreign origin');
      const { token, session: s } = await login(deps, contextOf(request, clock), request.body.username, request.body.password);
      setSessionCookie(reply, config, token);
      return s;
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: session }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } } },
    async (request, reply) => {
      await logout(deps, contextOf(request, clock));
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { access: session }, schema: { tags: ['auth'], summary: 'The current session', response: { 200: sessionSchema } } },
    async (request) => ({ user: sessionUser(request.viewer!), csrfToken: request.viewer!.csrfToken }),
  );

  app.post(
    '/auth/password',
    {
      config: { access: session },
      schema: { tags: ['auth'], summary: 'Change the own password; ends every session', body: passwordChangeSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, contextOf(request, clock), request.body.currentPassword, request.body.newPassword);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );
};
