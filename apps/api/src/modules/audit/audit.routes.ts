import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema, type AuditEntry } from '@yuanqu/contracts';
import type { AppDeps } from '../../app';
import type { ChainedRow } from './audit';
import { listAudit, verifyAudit } from './audit.repository';

const admin = { roles: ['admin'] } as const;

function presentAudit(r: ChainedRow): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    result: r.result,
    detail: JSON.parse(r.detail),
    requestId: r.requestId,
    ip: r.ip,
  };
}

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { access: admin },
      schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }) } },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { items, total } = await listAudit(db, filter, page, pageSize);
      return { items: items.map(presentAudit), total };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { access: admin },
      schema: { tags: ['audit'], summary: 'Recompute the hash chain', response: { 200: z.object({ ok: z.boolean(), checked: z.number(), brokenAt: z.number().nullable() }) } },
    },
    async () => verifyAudit(db),
  );
};
