import { READERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/** Sites and strings: every role reads what its scope holds; site A1 is in every A-side scope. */
export const ops: OpSpec[] = [
  { op: 'GET /api/sites', allowed: READERS, foreign: 'own-data', request: () => ({ path: '/sites' }) },
  {
    op: 'GET /api/sites/{id}',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/sites/${w.a.siteId}` }),
  },
  {
    op: 'GET /api/strings/{id}',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/strings/${w.a.stringId}` }),
  },
  {
    op: 'GET /api/strings/{id}/latest',
    allowed: READERS,
    foreign: 'not-found',
    request: (w) => ({ path: `/strings/${w.a.stringId}/latest` }),
  },
];
