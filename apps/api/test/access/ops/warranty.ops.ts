import { FIELD_ROLES, ORG_ADMINS, READERS, SITE_MANAGERS } from '../../../src/access/roles.js';
import { insertTerms, termsBody } from '../../warranty/warranty-fixtures.js';
import type { OpSpec } from './op-spec.js';

/**
 * Warranty life (issue 9): terms are organisation-level (org admins write, every reader reads its
 * own organisation's), a string's status is for every reader of its site, its install record for
 * the field roles of the managing organisation, a site's region for the site managers.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/warranty-terms',
    allowed: READERS,
    foreign: 'own-data',
    request: () => ({ path: '/warranty-terms' }),
  },
  {
    op: 'POST /api/warranty-terms',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    okStatus: 201,
    request: () => ({ path: '/warranty-terms', body: termsBody({ region: 'WALK' }) }),
  },
  {
    op: 'PUT /api/warranty-terms/{id}',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    request: async (w) => ({
      path: `/warranty-terms/${await insertTerms(w.pool, w.a.tenantId, 'WALK')}`,
      body: termsBody({ region: 'WALK', termYears: 12 }),
    }),
  },
  {
    op: 'DELETE /api/warranty-terms/{id}',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 204,
    request: async (w) => ({ path: `/warranty-terms/${await insertTerms(w.pool, w.a.tenantId, 'WALK')}` }),
  },
  {
    op: 'GET /api/strings/{id}/warranty',
    allowed: READERS,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({ path: `/strings/${w.a.stringId}/warranty` }),
  },
  {
    op: 'PUT /api/strings/{id}/commissioning',
    allowed: FIELD_ROLES,
    foreign: 'not-found',
    okStatus: 200,
    request: (w) => ({
      path: `/strings/${w.a.stringId}/commissioning`,
      body: { commissionedAt: '2025-01-15T09:00:00Z', commissionedBy: 'Walk Installer GmbH', notes: null },
    }),
  },
  {
    op: 'PUT /api/sites/{id}/warranty-region',
    allowed: SITE_MANAGERS,
    foreign: 'not-found',
    okStatus: 200,
    // Null: the walk's other operations keep seeing site A1 without a region, as it was seeded.
    request: (w) => ({ path: `/sites/${w.a.siteId}/warranty-region`, body: { warrantyRegion: null } }),
  },
];
