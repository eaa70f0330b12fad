import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  enterpriseFiguresSchema,
  latestClosedPeriod,
  overdueSchema,
  periodSchema,
  reminderResultSchema,
  reminderSchema,
  reportListQuerySchema,
  reportListSchema,
  reportReturnSchema,
  reportReviewSchema,
  reportSchema,
  reportSubmitSchema,
  seriesQuerySchema,
  seriesSchema,
  statisticsSettingsSchema,
  summaryQuerySchema,
  summarySchema,
} from '@yuanqu/contracts';
import { ALL_ROLES, COMMITTEE } from '../../http/access';
import { contextOf } from '../../http/auth';
import type { AppDeps } from '../../app';
import { series, summarize } from './aggregate.service';
import { dueOn, listOverdue, remind } from './overdue.service';
import * as service from './report.service';
import { localDate } from '../../lib/clock';

/** 经济发展/统计 keeps the figures; admins may too. */
const review = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;
const idParams = z.object({ id: z.string().max(40) });
const tags = ['statistics'];

export const statisticsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/statistics/summary',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'Totals of a period by group, with 同比 and shares', querystring: summaryQuerySchema, response: { 200: summarySchema } } },
    async (request) => summarize(db, request.viewer!, request.query),
  );

  app.get(
    '/statistics/series',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'One figure over time (month, quarter or year) with 同比 and CAGR', querystring: seriesQuerySchema, response: { 200: seriesSchema } } },
    async (request) => series(db, request.viewer!, request.query),
  );

  app.get(
    '/statistics/enterprises/:id/figures',
    {
      config: { access: { roles: ALL_ROLES } },
      schema: { tags, summary: 'An enterprise’s counted figures of a year', params: idParams, querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: enterpriseFiguresSchema } },
    },
    async (request) => service.enterpriseFigures(deps, request.viewer!, request.params.id, request.query.year),
  );

  app.get(
    '/statistics/reports',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags, summary: 'Reports (an enterprise sees its own)', querystring: reportListQuerySchema, response: { 200: reportListSchema } } },
    async (request) => service.listReports(deps, request.viewer!, request.query),
  );

  app.post(
    '/statistics/reports',
    {
      config: { access: { roles: ['admin', 'staff', 'enterprise'], writeDepartments: ['economy'] } },
      schema: { tags, summary: 'Report figures: an enterprise’s wait for review; the committee’s count at once', body: reportSubmitSchema, response: { 201: reportSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.submitReport(deps, contextOf(request, clock), request.body)),
  );

  app.get(
    '/statistics/reports/:id',
    { config: { access: { roles: ALL_ROLES } }, schema: { tags, params: idParams, response: { 200: reportSchema } } },
    async (request) => service.getReport(deps, request.viewer!, request.params.id),
  );

  app.post(
    '/statistics/reports/:id/approve',
    { config: { access: review }, schema: { tags, summary: 'Pass a pending report (warnings must be acknowledged)', params: idParams, body: reportReviewSchema, response: { 200: reportSchema } } },
    async (request) => service.approveReport(deps, contextOf(request, clock), request.params.id, request.body.version, request.body.acknowledgeWarnings),
  );

  app.post(
    '/statistics/reports/:id/return',
    { config: { access: review }, schema: { tags, summary: 'Return a pending report with a reason', params: idParams, body: reportReturnSchema, response: { 200: reportSchema } } },
    async (request) => service.returnReport(deps, contextOf(request, clock), request.params.id, request.body.version, request.body.reason),
  );

  app.get(
    '/statistics/settings',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, response: { 200: statisticsSettingsSchema } } },
    async () => service.getSettings(db),
  );

  app.put(
    '/statistics/settings',
    { config: { access: review }, schema: { tags, summary: 'Edit the checks and deadlines (409 on a stale version)', body: statisticsSettingsSchema, response: { 200: statisticsSettingsSchema } } },
    async (request) => service.updateSettings(deps, contextOf(request, clock), request.body),
  );

  app.get(
    '/statistics/overdue',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'Enterprises that owe a period’s report (default: the latest closed period)', querystring: z.strictObject({ period: periodSchema.optional() }), response: { 200: overdueSchema } },
    },
    async (request) => {
      const today = localDate(clock.now());
      return listOverdue(db, request.viewer!, request.query.period ?? latestClosedPeriod(today), today);
    },
  );

  app.get(
    '/statistics/due',
    {
      config: { access: { roles: ALL_ROLES } },
      schema: {
        tags,
        summary: 'When a period’s report is due (default: the latest closed period)',
        querystring: z.strictObject({ period: periodSchema.optional() }),
        response: { 200: z.object({ period: z.string(), dueOn: z.string() }) },
      },
    },
    async (request) => {
      const period = request.query.period ?? latestClosedPeriod(localDate(clock.now()));
      return { period, dueOn: dueOn(period, await service.getSettings(db)) };
    },
  );

  app.post(
    '/statistics/reminders',
    { config: { access: review }, schema: { tags, summary: 'Remind enterprises that owe a report, in the app', body: reminderSchema, response: { 200: reminderResultSchema } } },
    async (request) => remind(db, contextOf(request, clock), request.body.period, request.body.enterpriseIds),
  );
};
