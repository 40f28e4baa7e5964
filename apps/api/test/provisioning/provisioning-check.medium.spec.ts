import type { PgPool, PrismaClient } from '@fleet/db';
import {
  createGateway,
  createSite,
  createTenant,
  createUser,
  productionTestTargets,
} from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { provisioningHookCode } from '../../../../infra/aws/src/provisioning-hook-code.js';
import { type Credentials, useApiFixture } from '../support/api-fixture.js';
import { TEST_PROVISIONING_SECRET } from '../support/start-api.js';

// Issue 11: POST /api/provisioning/check, asked by the AWS IoT pre-provisioning Lambda of
// infra/aws, against the real API; and that Lambda's own inline source run in-process against it.

const [target] = await productionTestTargets();

interface Gateways {
  /** A user of the gateway's organisation: their session token is no hook secret. */
  installer: Credentials;
  claimed: string;
  rotated: string;
  unclaimed: string;
  revoked: string;
}

/** One site with a gateway in each state the check tells apart. */
async function seedGateways(prisma: PrismaClient, pool: PgPool): Promise<Gateways> {
  const tenant = await createTenant(prisma);
  const installer = await createUser(prisma, { tenantId: tenant.id });
  const site = await createSite(prisma, { tenantId: tenant.id });
  const ids = { installer: { email: installer.email, password: installer.password } } as Gateways;
  for (const name of ['claimed', 'rotated', 'unclaimed', 'revoked'] as const) {
    ids[name] = (await createGateway(prisma, { siteId: site.id })).id;
    if (name !== 'unclaimed') {
      await pool.query(
        'UPDATE gateway SET claim_code = $2, claimed_at = now(), claimed_by = $3 WHERE id = $1',
        [ids[name], `CODE-${name}`, installer.id],
      );
    }
  }
  const credential = (gatewayId: string, key: string, revoked: boolean) =>
    pool.query(
      `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by, revoked_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)`,
      [tenant.id, site.id, gatewayId, key, installer.id, revoked],
    );
  // Rotated by hand: the old key is revoked, the new one active — still the operator's gateway.
  await credential(ids.rotated, 'UROTATEDOLD', true);
  await credential(ids.rotated, 'UROTATEDNEW', false);
  // Cut off: its only key was revoked.
  await credential(ids.revoked, 'UREVOKED', true);
  return ids;
}

type Handler = (event: unknown) => Promise<{ allowProvisioning: boolean }>;

/** The Lambda's inline source as the Node runtime loads it, with only Secrets Manager faked. */
function loadHook(apiUrl: string, secret: string): Handler {
  const sdk = {
    SecretsManagerClient: class {
      async send() {
        return { SecretString: secret };
      }
    },
    GetSecretValueCommand: class {},
  };
  const module = { exports: {} as { handler?: Handler } };
  new Function('exports', 'require', 'process', 'fetch', 'console', provisioningHookCode())(
    module.exports,
    (name: string) => (name === '@aws-sdk/client-secrets-manager' ? sdk : undefined),
    { env: { API_URL: apiUrl, API_SECRET_ARN: 'arn:aws:secretsmanager:eu:1:secret:x' } },
    fetch,
    { log: () => undefined },
  );
  return module.exports.handler as Handler;
}

describe('POST /api/provisioning/check', () => {
  const api = useApiFixture(target as NonNullable<typeof target>, seedGateways);
  let gw: Gateways;
  const check = (body: unknown, authorization: string | null = `Bearer ${TEST_PROVISIONING_SECRET}`) =>
    api.fetch('/provisioning/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(() => {
    gw = api.seed;
  });

  it('allows a registered, claimed gateway whose credentials are not all revoked', async () => {
    for (const gatewayId of [gw.claimed, gw.rotated]) {
      const response = await check({ gatewayId, certificateId: 'c0ffee' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ allow: true, gatewayId });
    }
  });

  it('denies an unknown, an unclaimed and a revoked gateway, saying why', async () => {
    const answers = [];
    for (const gatewayId of ['gw-nobody-registered-this', gw.unclaimed, gw.revoked]) {
      const response = await check({ gatewayId, certificateId: 'c0ffee' });
      answers.push([response.status, await response.json()]);
    }
    expect(answers).toEqual([
      [200, { allow: false, reason: 'unknown-gateway' }],
      [200, { allow: false, reason: 'unclaimed' }],
      [200, { allow: false, reason: 'revoked' }],
    ]);
  });

  it('refuses a missing or wrong secret (401) and a session token alike, never echoing the secret', async () => {
    const session = await api.login(gw.installer);
    for (const authorization of [
      `Bearer ${session}`,
      null,
      'Bearer wrong-secret-of-the-same-sort-0123456789',
      `Bearer ${TEST_PROVISIONING_SECRET}x`,
      TEST_PROVISIONING_SECRET,
    ]) {
      const response = await check({ gatewayId: gw.claimed }, authorization);
      const text = await response.text();
      expect(response.status, String(authorization)).toBe(401);
      expect(text).not.toContain(TEST_PROVISIONING_SECRET);
      expect(text).not.toContain('"allow"');
    }
  });

  it('refuses a body that names no gateway id (400), naming the field', async () => {
    const response = await check({ gatewayId: 'GW/../x' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('gatewayId');
  });

  it("answers the infra/aws Lambda's inline handler as IoT Core needs: allow only the claimed gateway", async () => {
    const apiUrl = `${(await api.fetch('/health').then((r) => new URL(r.url))).origin}/`;
    const hook = loadHook(apiUrl, TEST_PROVISIONING_SECRET);
    const event = (serial: string) => ({ certificateId: 'c0ffee', parameters: { SerialNumber: serial } });
    expect(await hook(event(gw.claimed))).toEqual({ allowProvisioning: true });
    for (const serial of [gw.unclaimed, gw.revoked, 'gw-nobody-registered-this']) {
      expect(await hook(event(serial)), serial).toEqual({ allowProvisioning: false });
    }
    const wrongSecret = loadHook(apiUrl, 'not-the-provisioning-secret-0123456789');
    expect(await wrongSecret(event(gw.claimed))).toEqual({ allowProvisioning: false });
  });

  // Last in the file: the API's per-IP limit (AUTH_RATE_LIMIT_IP, 30 a minute) spans all these calls.
  it('counts wrong-secret guesses against the gateway id, then refuses even the right secret (429)', async () => {
    const gatewayId = 'gw-rate-limited';
    for (let i = 0; i < 10; i++) {
      expect((await check({ gatewayId }, `Bearer guess-${i}`)).status).toBe(401);
    }
    const limited = await check({ gatewayId });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
