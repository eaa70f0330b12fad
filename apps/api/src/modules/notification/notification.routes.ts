import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationListSchema } from '@yuanqu/contracts';
import { ALL_ROLES } from '../../http/access';
import { notFound } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { listNotifications, markOneRead, markRead } from './notification.repository';

const tags = ['notifications'];
const readResult = z.object({ read: z.number().int() });

export const notificationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, clock }) => {
  app.get(
    '/notifications',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags, summary: 'The signed-in user’s latest messages and unread count', response: { 200: notificationListSchema } } },
    async (request) => listNotifications(db, request.viewer!.userId),
  );

  app.post(
    '/notifications/:id/read',
    { config: { access: { roles: ALL_ROLES, personal: true } }, schema: { tags, params: z.object({ id: z.string().max(40) }), response: { 200: readResult } } },
    async (request) => {
      if (!(await markOneRead(db, request.viewer!.userId, request.params.id, clock.now().toISOString()))) throw notFound('notification');
      return { read: 1 };
    },
  );

  app.post(
    '/notifications/read-all',
    { config: { access: { roles: ALL_ROLES, personal: true } }, schema: { tags, response: { 200: readResult } } },
    async (request) => ({ read: await markRead(db, request.viewer!.userId, null, clock.now().toISOString()) }),
  );
};
