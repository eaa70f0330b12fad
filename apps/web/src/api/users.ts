import type { User, UserCreate, UserUpdate } from '@yuanqu/contracts';
import { request } from './client';

export type { UserCreate, UserUpdate };

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
