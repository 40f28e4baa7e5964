import { randomUUID } from 'node:crypto';
import { createGateway } from '@fleet/db/testing';
import { createUser as createNkeyUser } from '@nats-io/nkeys';
import { ORG_ADMINS } from '../../../src/access/roles.js';
import { updateCheckQuery } from '../../rollouts/update-check.js';
import type { AccessWorld } from '../access-world.js';
import type { OpSpec } from './op-spec.js';

/** A new site group of tenant A holding site A1 (its own name), made as the tables' owner. */
async function newGroup(w: AccessWorld): Promise<string> {
  const { rows } = await w.pool.query<{ id: string }>(
    `INSERT INTO site_group (id, tenant_id, name) VALUES (gen_random_uuid(), $1, $2) RETURNING id`,
    [w.a.tenantId, `walk ${randomUUID()}`],
  );
  const id = (rows[0] as { id: string }).id;
  await w.pool.query(
    'INSERT INTO site_group_member (site_group_id, site_id, tenant_id) VALUES ($1, $2, $3)',
    [id, w.a.siteId, w.a.tenantId],
  );
  return id;
}

/** A new two-stage rollout of tenant A with stage 1 open, so advance has a stage to open. */
async function newRollout(w: AccessWorld): Promise<string> {
  const { rows } = await w.pool.query<{ id: string }>(
    `INSERT INTO agent_rollout (id, tenant_id, version, manifest_url, bundle_url, created_by)
     VALUES (gen_random_uuid(), $1, '0.2.0', 'https://r.example/m.json', 'https://r.example/b.tar.gz', 'walk')
     RETURNING id`,
    [w.a.tenantId],
  );
  const id = (rows[0] as { id: string }).id;
  for (const position of [1, 2]) {
    await w.pool.query(
      'INSERT INTO agent_rollout_stage (rollout_id, position, site_group_id, tenant_id) VALUES ($1, $2, $3, $4)',
      [id, position, await newGroup(w), w.a.tenantId],
    );
  }
  return id;
}

/**
 * Site groups and staged agent rollouts (issue 11): organisation admins only; a foreign admin
 * naming tenant A's sites, groups or rollouts gets 404. test/rollouts/ checks the staging.
 */
export const ops: OpSpec[] = [
  {
    op: 'GET /api/site-groups',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    request: () => ({ path: '/site-groups' }),
  },
  {
    op: 'POST /api/site-groups',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 201,
    request: (w) => ({ path: '/site-groups', body: { name: `walk ${randomUUID()}`, siteIds: [w.a.siteId] } }),
  },
  {
    op: 'GET /api/rollouts',
    allowed: ORG_ADMINS,
    foreign: 'own-data',
    request: () => ({ path: '/rollouts' }),
  },
  {
    op: 'POST /api/rollouts',
    allowed: ORG_ADMINS,
    foreign: 'not-found',
    okStatus: 201,
    request: async (w) => ({
      path: '/rollouts',
      body: {
        version: '0.2.0',
        manifestUrl: 'https://r.example/m.json',
        bundleUrl: 'https://r.example/b.tar.gz',
        stages: [await newGroup(w)],
      },
    }),
  },
  ...(['advance', 'pause', 'resume'] as const).map(
    (action): OpSpec => ({
      op: `POST /api/rollouts/{id}/${action}`,
      allowed: ORG_ADMINS,
      foreign: 'not-found',
      okStatus: 200,
      request: async (w) => ({ path: `/rollouts/${await newRollout(w)}/${action}` }),
    }),
  ),
  {
    op: 'GET /api/gateways/{id}/update',
    allowed: 'public',
    foreign: 'own-data',
    // The gateway's own question, signed with its active key; the caller's session plays no part.
    // A fresh gateway on site A2, which no walk group holds: no offer, and no tenant A id.
    okStatus: 200,
    request: async (w) => {
      const { id } = await createGateway(w.prisma, { siteId: w.a.otherSiteId });
      const key = createNkeyUser();
      await w.pool.query(
        `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'walk')`,
        [w.a.tenantId, w.a.otherSiteId, id, key.getPublicKey()],
      );
      return { path: `/gateways/${id}/update?${updateCheckQuery(id, key)}` };
    },
  },
];
