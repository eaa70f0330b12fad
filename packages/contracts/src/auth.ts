import { z } from 'zod';
import { DEPARTMENTS, ROLES } from './enums';
import { LIMITS } from './limits';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: z.string().min(1).max(LIMITS.passwordMax),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departments: z.array(z.enum(DEPARTMENTS)),
  enterpriseId: z.string().nullable(),
  unitIds: z.array(z.string()).nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departments: z.array(z.enum(DEPARTMENTS)),
  enterpriseId: z.string().nullable(),
  unitIds: z.array(z.string()).nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.strictObject({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9_.-]{3,64}$/, 'username'),
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(LIMITS.passwordMax),
  role: z.enum(ROLES),
  departments: z.array(z.enum(DEPARTMENTS)).default([]),
  enterpriseId: z.string().nullable().default(null),
  unitIds: z.array(z.string()).nullable().default(null),
});

export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  departments: z.array(z.enum(DEPARTMENTS)).optional(),
  unitIds: z.array(z.string()).nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: z.number().int().min(1),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;
