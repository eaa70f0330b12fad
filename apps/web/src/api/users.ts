import type { Department, Role, User } from '@yuanqu/contracts';
import { request } from './client';

export interface UserCreate {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departments: Department[];
  enterpriseId: string | null;
  unitIds: string[] | null;
}

export interface UserUpdate {
  displayName?: string;
  departments?: Department[];
  unitIds?: string[] | null;
  status?: 'active' | 'disabled';
  version: number;
}

export function listUsers(): Promise<User[]> {
  return request<User[]>('/users');
}

export function createUser(body: UserCreate): Promise<User> {
  return request<User>('/users', { method: 'POST', body });
}

export function updateUser(id: string, body: UserUpdate): Promise<User> {
  return request<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function resetPassword(id: string, password: string): Promise<void> {
  return request<void>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: { password } });
}
