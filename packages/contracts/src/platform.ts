import { z } from 'zod';
import { UNIT_KINDS } from './enums';

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A new unit: a district or base at the top, a base under a district, a park under a base, a zone under a park. */
export const unitCreateSchema = z.strictObject({
  parentId: z.string().max(40).nullable(),
  kind: z.enum(UNIT_KINDS),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,40}$/, 'unit.code'),
  name: z.string().trim().min(2).max(50),
});
export type UnitCreate = z.infer<typeof unitCreateSchema>;

export const industrySchema = z.object({
  code: z.string(),
  level: z.enum(['门类', '大类', '中类', '小类']),
  name: z.string(),
  parent: z.string().nullable(),
});
export type Industry = z.infer<typeof industrySchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  detail: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  entityId: z.string().max(40).optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
});

export const importResultSchema = z.object({
  importId: z.string(),
  duplicate: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const NOTIFICATION_KINDS = ['reportDue', 'reportReturned', 'evaluationPublished', 'objectionAnswered'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An in-app message; the web app words it from kind and params in the user's language. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationListSchema>;
