import { randomUUID } from 'node:crypto';
import { ALARM_HANDLERS, READERS } from '../../../src/access/roles.js';
import type { AccessWorld } from '../access-world.js';
import type { Caller, OpSpec } from './op-spec.js';

/** A saved view of the caller (tenant A's installer for the foreign caller, who must get a 404). */
async function newSavedView(w: AccessWorld, as: Caller): Promise<string> {
  const user = w.users[as === 'foreign' ? 'installer' : as];
  const tenant = as === 'support' ? w.supportOrgId : w.a.tenantId;
  const id = randomUUID();
  await w.pool.query(
    `INSERT INTO saved_view (id, tenant_id, user_id, name, query) VALUES ($1, $2, $3, $4, 'sort=soc')`,
    [id, tenant, user.id, `walk ${id.slice(0, 8)}`],
  );
  return id;
}

/**
 * The fleet view (issue 9): the map's sites and the member's saved views. `GET /api/fleet` is
 * walked in manage.ops.ts. Everyone but owners has saved views of its own; a foreign caller's delete of
 * tenant A's view is a 404 like a missing id.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/fleet/sites',
    allowed: READERS,
    foreign: 'own-data',
    request: () => ({ path: '/fleet/sites' }),
  },
  {
    op: 'GET /api/saved-views',
    allowed: ALARM_HANDLERS,
    foreign: 'own-data',
    request: () => ({ path: '/saved-views' }),
  },
  {
    op: 'POST /api/saved-views',
    allowed: ALARM_HANDLERS,
    foreign: 'own-data',
    okStatus: 201,
    request: () => ({
      path: '/saved-views',
      body: { name: `walk ${randomUUID().slice(0, 8)}`, query: 'sort=soh' },
    }),
  },
  {
    op: 'DELETE /api/saved-views/{id}',
    allowed: ALARM_HANDLERS,
    foreign: 'not-found',
    okStatus: 204,
    request: async (w, as) => ({ path: `/saved-views/${await newSavedView(w, as)}` }),
  },
];
