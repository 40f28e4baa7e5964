import { randomUUID } from 'node:crypto';
import { FIELD_ROLES, READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

let gatewayNo = 0;

/** Managing sites, the fleet overview and gateways (issue 8). Site A1 is in every A-side scope. */
export const ops: OpSpec[] = [
  {
    op: 'POST /api/sites',
    allowed: SITE_MANAGERS,
    foreign: 'own-data',
    okStatus: 201,
    request: () => ({ path: '/sites', body: { name: `walk ${randomUUID().slice(0, 8)}`, timezone: 'UTC' } }),
  },
  {
    op: 'PATCH /api/sites/{id}',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    // The same name again: the walk's other operations keep seeing site A1 as it was seeded.
    request: (w) => ({ path: `/sites/${w.a.siteId}`, body: { name: 'A1 shared' } }),
  },
  { op: 'GET /api/fleet', allowed: READERS, foreign: 'own-data', request: () => ({ path: '/fleet' }) },
  {
    op: 'GET /api/sites/{id}/gateways',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/sites/${w.a.siteId}/gateways` }),
  },
  {
    op: 'POST /api/sites/{id}/gateways',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    okStatus: 201,
    request: (w) => {
      gatewayNo += 1;
      return {
        path: `/sites/${w.a.siteId}/gateways`,
        body: { id: `walk-gw-${process.pid}-${gatewayNo}`, name: 'walk gateway' },
      };
    },
  },
  {
    op: 'POST /api/gateways/{id}/credentials',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    // test/gateways/gateway-credentials.medium.spec.ts shows the issued credentials at work.
    request: (w) => ({ path: `/gateways/${w.a.gatewayId}/credentials` }),
  },
];
