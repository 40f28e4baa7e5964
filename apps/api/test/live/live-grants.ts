import type { PgPool } from '@fleet/db';
import type { LivePlace, LiveWorld } from './live-world.js';

/** A grant of `place` to the world's support desk, expiring `ms` from now (database clock); its id. */
export async function grantToDesk(
  pool: PgPool,
  world: LiveWorld,
  place: LivePlace,
  ms: number,
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO support_grant (id, tenant_id, site_id, grantee_tenant_id, granted_by, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING id`,
    [place.tenantId, place.siteId, world.deskId, world.users.installer.id, ms / 1000],
  );
  return rows[0]!.id;
}

/**
 * Revokes a grant as the routes do, by hand: the update and its `fleet_access` notification in one
 * statement (one transaction), so the notification is delivered when the revoke commits.
 */
export async function revokeByHand(
  pool: PgPool,
  world: LiveWorld,
  grantId: string,
  place: LivePlace,
): Promise<void> {
  const payload = JSON.stringify({ kind: 'grant', siteId: place.siteId, granteeTenantId: world.deskId });
  await pool.query(
    `WITH revoked AS (UPDATE support_grant SET revoked_at = now() WHERE id = $1 RETURNING id)
     SELECT pg_notify('fleet_access', $2) FROM revoked`,
    [grantId, payload],
  );
}

/** Kills the api's LISTEN connection (as a database restart or a network cut would); how many. */
export async function killAccessListener(pool: PgPool): Promise<number | null> {
  const killed = await pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = 'LISTEN fleet_access'`,
  );
  return killed.rowCount;
}
