import { GatewayCredentialRepository, ScopedPool } from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useGatewayApi } from './gateway-api-fixture.js';

// Issue 8 isolation in depth for gateway credentials: the fleet_scope policy of gateway_credential
// (20261231000000_gateway_credential) hides and refuses rows outside the scope, whatever the SQL says.

const targets = await testDatabaseTargets();

describe.each(targets)('gateway_credential under row-level security on $name', (target) => {
  const api = useGatewayApi(target);

  it('keeps credential rows behind row-level security: another scope sees none and can write none', async () => {
    await api.issue('gw-alpha');
    const url = api.dbUrl;
    const asB = new ScopedPool({ connectionString: url, max: 1 }, () => ({
      orgId: api.tenants.b,
      siteIds: [],
    }));
    const asA = new ScopedPool({ connectionString: url, max: 1 }, () => ({
      orgId: api.tenants.a,
      siteIds: [],
    }));
    try {
      const count = async (pool: ScopedPool) =>
        ((await pool.query('SELECT count(*)::int AS n FROM gateway_credential')).rows[0] as { n: number }).n;
      expect(await count(asA)).toBeGreaterThan(0);
      expect(await count(asB)).toBe(0);
      // Even handed tenant A's id (a missed filter), B's scope finds no gateway to issue for.
      const issued = await new GatewayCredentialRepository(asB).issue(api.tenants.a, 'gw-alpha', {
        userPublicKey: 'UFORGED',
        issuedBy: 'test',
      });
      expect(issued).toBeNull();
      await expect(
        asB.query(
          `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by)
           VALUES (gen_random_uuid(), $1, $2, 'gw-alpha', 'UFORGED2', 'test')`,
          [api.tenants.a, api.siteId],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await asA.end();
      await asB.end();
    }
  });
});
