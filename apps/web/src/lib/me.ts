import { cache } from 'react';
import { callApi } from './api/client';
import type { User } from './api/types';
import { readSessionToken } from './session';

/**
 * The signed-in user (GET /api/me), once per request; undefined when not signed in or when the
 * API refuses the token (the page's own calls then send the user to /login).
 */
export const getMe = cache(async (): Promise<User | undefined> => {
  const token = await readSessionToken();
  if (!token) {
    return undefined;
  }
  const result = await callApi({ token }, (api) => api.GET('/api/me'));
  return result.ok ? result.data : undefined;
});
