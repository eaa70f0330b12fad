import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { figureImportQuerySchema, importResultSchema, LIMITS, summaryQuerySchema } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import { attachment, XLSX } from '../../http/attachment';
import { contextOf } from '../../http/auth';
import { AppError } from '../../lib/errors';
import type { AppDeps } from '../../app';
import { unitMap } from '../unit/unit.repository';
import { summarize } from './aggregate.service';
import { exportNotes, summaryWorkbook, templateWorkbook } from './figure-workbooks';
import { importFigures } from './figure-import.service';

/** Who keeps the figures (as for approving a report): 经济发展/统计 and admins. */
const review = { roles: ['admin', 'staff'], writeDepartments: ['economy'] } as const;
const tags = ['statistics'];


/** The uploaded file and the form fields sent with it, whichever comes first. */
async function readUpload(request: FastifyRequest): Promise<{ file: Buffer; fields: Map<string, string> }> {
  let file: Buffer | undefined;
  const fields = new Map<string, string>();
  for await (const part of request.parts({ limits: { fileSize: LIMITS.importBytesMax, files: 1 } })) {
    if (part.type === 'file') file = await part.toBuffer();
    else fields.set(part.fieldname, String(part.value));
  }
  if (!file) throw new AppError('VALIDATION', 'no file uploaded');
  return { file, fields };
}

/** The statistics workbook routes: the import template, the import, and the summary table as xlsx. */
export const statisticsExcelRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { clock, db } = deps;

  app.get(
    '/statistics/import-template',
    { config: { access: review }, schema: { tags, summary: 'The figures import template (xlsx)' } },
    async (_request, reply) => reply.type(XLSX).header('content-disposition', attachment('统计数据导入模板.xlsx')).send(await templateWorkbook()),
  );

  app.post(
    '/statistics/import',
    {
      config: { access: review },
      schema: {
        tags,
        summary: 'Import figures from an xlsx (multipart field "file"): all rows or none; warnings need acknowledgeWarnings=true (query or form field)',
        consumes: ['multipart/form-data'],
        querystring: figureImportQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { file, fields } = await readUpload(request);
      const key = request.headers['idempotency-key'];
      const acknowledgeWarnings = request.query.acknowledgeWarnings === 'true' || fields.get('acknowledgeWarnings') === 'true';
      return importFigures(deps, contextOf(request, clock), { file, idempotencyKey: typeof key === 'string' ? key.slice(0, 100) : null, acknowledgeWarnings });
    },
  );

  app.get(
    '/statistics/export',
    { config: { access: { roles: COMMITTEE } }, schema: { tags, summary: 'The summary table of a period as xlsx (same query as /statistics/summary)', querystring: summaryQuerySchema } },
    async (request, reply) => {
      // The file lists every group, not the first page the screen shows.
      const summary = await summarize(db, request.viewer!, { ...request.query, limit: Number.MAX_SAFE_INTEGER });
      const unitName = request.query.unitId ? (await unitMap(db)).get(request.query.unitId)?.name : undefined;
      const stream = summaryWorkbook(summary, exportNotes(request.query, unitName, clock.now()));
      return reply.type(XLSX).header('content-disposition', attachment(`统计汇总-${summary.period}-${summary.groupBy}.xlsx`)).send(stream);
    },
  );
};
