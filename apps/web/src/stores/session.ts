import { reactive, readonly } from 'vue';
import type { Session, SessionUser } from '@yuanqu/contracts';
import * as auth from '../api/auth';
import { ApiError, setCsrfToken } from '../api/client';

/** The logged-in user (or null) and whether the server has been asked yet. */
const state = reactive<{ user: SessionUser | null; loaded: boolean }>({ user: null, loaded: false });

export const session = readonly(state);

function apply(value: Session | null): void {
  state.user = value?.user ?? null;
  setCsrfToken(value?.csrfToken ?? null);
  state.loaded = true;
}

/** Asks the server once per page load who is logged in (the session lives in an HttpOnly cookie). */
export async function restoreSession(): Promise<SessionUser | null> {
  if (state.loaded) return state.user;
  try {
    apply(await auth.me());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    apply(null);
  }
  return state.user;
}

/** Re-reads the session after it changed on the server (password changed: new flags and token). */
export async function refreshSession(): Promise<SessionUser | null> {
  state.loaded = false;
  return restoreSession();
}

export async function login(username: string, password: string): Promise<SessionUser> {
  const value = await auth.login(username, password);
  apply(value);
  return value.user;
}

export async function logout(): Promise<void> {
  try {
    await auth.logout();
  } finally {
    apply(null);
  }
}

/** Forgets the user locally, when the server says the session is gone. */
export function clearSession(): void {
  apply(null);
}
