import { FIELD_ROLES, SITE_MANAGERS } from '../../../src/access/roles.js';
import type { OpSpec } from './op-spec.js';

/**
 * Commissioning checklist (issue 10): the field roles of the managing organisation read it,
 * installers and admins complete it. The walk's site A1 never passes every item (no heartbeat),
 * so an allowed completion is refused with 409 after the role and tenant checks passed.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/sites/{id}/commissioning',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    request: (w) => ({ path: `/sites/${w.a.siteId}/commissioning` }),
  },
  {
    op: 'POST /api/sites/{id}/commissioning/complete',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 409,
    request: (w) => ({ path: `/sites/${w.a.siteId}/commissioning/complete` }),
  },
];
