import { SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** Support grants: only the managing organisation's site managers give and revoke them. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/support-grants',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    request: () => ({ path: '/support-grants' }),
  },
  {
    op: 'POST /api/sites/{id}/support-grants',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 201,
    request: (w) => ({
      path: `/sites/${w.a.siteId}/support-grants`,
      body: {
        grantee: w.supportOrgId,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        note: 'walk',
      },
    }),
  },
  {
    op: 'DELETE /api/support-grants/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    request: async (w) => ({ path: `/support-grants/${await w.newSupportGrant()}` }),
  },
];
