import { TEST_PROVISIONING_SECRET } from '../../support/start-api.js';
import type { OpSpec } from './op-spec.js';

/**
 * The AWS IoT pre-provisioning check (issue 11): no user route, so public for the walk, and the
 * hook's secret replaces the caller's session token. test/provisioning/ checks the decisions.
 */
export const ops: OpSpec[] = [
  {
    op: 'POST /api/provisioning/check',
    allowed: 'public',
    foreign: 'own-data',
    // An id nobody registered: every caller gets the same refusal, naming nothing of tenant A.
    okStatus: 200,
    request: () => ({
      path: '/provisioning/check',
      body: { gatewayId: 'gw-walk-unknown', certificateId: 'walk' },
      headers: { authorization: `Bearer ${TEST_PROVISIONING_SECRET}` },
    }),
  },
];
