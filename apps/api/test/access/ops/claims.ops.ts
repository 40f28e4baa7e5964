import { SITE_MANAGERS } from '../../../src/access/roles.js';
import { enrolmentPoll, newGatewayKey } from '../../claims/gateway-key.js';
import type { OpSpec } from './op-spec.js';

/** Claiming gateways by code (issue 10). test/claims/claims.medium.spec.ts walks the whole flow. */
export const ops: OpSpec[] = [
  {
    op: 'POST /api/sites/{id}/claims',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 201,
    request: (w) => ({
      path: `/sites/${w.a.siteId}/claims`,
      body: { code: newGatewayKey().code, name: 'walk claim' },
    }),
  },
  {
    op: 'POST /api/enrolment/poll',
    allowed: 'public',
    foreign: 'own-data',
    // A fresh key nobody claimed: the gateway learns only that it is not claimed yet.
    okStatus: 200,
    request: () => ({ path: '/enrolment/poll', body: enrolmentPoll(newGatewayKey()) }),
  },
];
