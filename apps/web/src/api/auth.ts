import type { Session } from '@yuanqu/contracts';
import { request } from './client';

export function login(username: string, password: string): Promise<Session> {
  return request<Session>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });
}

export function logout(): Promise<void> {
  return request<void>('/auth/logout', { method: 'POST' });
}

/** The current session; 401 when not logged in (quiet: the router decides where to go). */
export function me(): Promise<Session> {
  return request<Session>('/auth/me', { quiet401: true });
}

/** A wrong current password answers 401 INVALID_CREDENTIALS, which the session listener leaves to the form. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}
