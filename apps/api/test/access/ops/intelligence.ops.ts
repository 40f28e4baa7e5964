import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** Fleet intelligence (issue 10): early warnings for every reader; another tenant's string is a 404. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/fleet/findings',
    allowed: READERS,
    foreign: 'own-data',
    okStatus: 200,
    request: () => ({ path: '/fleet/findings' }),
  },
  {
    op: 'GET /api/strings/{id}/findings',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/findings` }),
  },
];
