import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** A string's modules, BMS events and gaps (issue 6): every reader of site A1; another tenant's string is a 404. */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/strings/{id}/modules',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/modules` }),
  },
  {
    op: 'GET /api/strings/{id}/events',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/events?kind=composition,boot&limit=10` }),
  },
  {
    op: 'GET /api/strings/{id}/gaps',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/gaps` }),
  },
];
