import type { Clock } from '../../lib/clock';
import type { Viewer } from '../auth/viewer';
import type { AuditEvent } from './audit';

/** What every audited use case needs to know about the request that caused it. */
export interface RequestContext {
  viewer: Viewer | null;
  requestId: string | null;
  ip: string | null;
  clock: Clock;
}

/** Builds an audit event attributed to the context's viewer. */
export function auditEvent(
  ctx: RequestContext,
  action: string,
  fields: { entityType?: string; entityId?: string; result?: 'success' | 'failure'; detail?: unknown; actorName?: string } = {},
): AuditEvent {
  return {
    at: ctx.clock.now().toISOString(),
    actorId: ctx.viewer?.userId ?? null,
    actorName: fields.actorName ?? ctx.viewer?.username ?? null,
    actorRole: ctx.viewer?.role ?? null,
    action,
    entityType: fields.entityType ?? null,
    entityId: fields.entityId ?? null,
    result: fields.result ?? 'success',
    detail: fields.detail ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

/** A context for the CLI and jobs: no request, no viewer. */
export function systemContext(clock: Clock): RequestContext {
  return { viewer: null, requestId: null, ip: null, clock };
}
