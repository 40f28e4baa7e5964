import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** Health, login and the caller's own profile. */
export const ops: OpSpec[] = [
  { op: 'GET /api/health', allowed: 'public', foreign: 'own-data', request: () => ({ path: '/health' }) },
  {
    op: 'POST /api/auth/login',
    allowed: 'public',
    foreign: 'own-data',
    okStatus: 200,
    request: (w, as) => ({
      path: '/auth/login',
      body: { email: w.users[as].email, password: w.users[as].password },
    }),
  },
  { op: 'GET /api/me', allowed: READERS, foreign: 'own-data', request: () => ({ path: '/me' }) },
  {
    op: 'PATCH /api/me',
    allowed: READERS,
    foreign: 'own-data',
    // English, the default, so the walk's callers keep the language the other tests expect.
    request: () => ({ path: '/me', body: { locale: 'en' } }),
  },
];
