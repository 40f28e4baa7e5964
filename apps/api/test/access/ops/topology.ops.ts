import { READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/**
 * Topology (issue 10): every reader of a site reads what its gateways found and what was
 * confirmed; only the managing organisation's site managers (installer, org admin) confirm.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/sites/{id}/topology',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/sites/${w.a.siteId}/topology` }),
  },
  {
    op: 'POST /api/sites/{id}/topology/confirm',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 201,
    // An empty installation: the walk's other operations never read a confirmation.
    request: (w) => ({ path: `/sites/${w.a.siteId}/topology/confirm`, body: { strings: [], note: null } }),
  },
];
