import { AlarmStore } from '@fleet/db';
import { createBmsString, createGateway, testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAccountsFixture } from './accounts-fixture.js';

const [target] = await testDatabaseTargets();

interface CreatedKey {
  id: string;
  key: string;
  scopes: string[];
}

describe(`organisation API keys on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);
  let admin = '';
  let alarmId = '';

  beforeAll(async () => {
    admin = await api.login(api.world.a.admin);
    const gateway = await createGateway(api.prisma, { siteId: api.world.a.siteId });
    const string = await createBmsString(api.prisma, { gatewayId: gateway.id, bmsAddress: 0 });
    const at = new Date();
    alarmId = await new AlarmStore(api.pool).transaction(async (tx) => {
      const alarm = await tx.insertAlarm({
        tenantId: api.world.a.tenantId,
        siteId: api.world.a.siteId,
        stringId: string.id,
        gatewayId: gateway.id,
        subjectKey: `string:${string.id}`,
        code: 'apikey.test',
        title: 'API key test alarm',
        severity: 'warning',
        count: 1,
        flapping: false,
        firedAt: at,
      });
      await tx.transition(alarm, {}, { transition: 'fired', actor: 'system', at, notify: false });
      return alarm.id;
    });
  });

  const createKey = async (scopes: string[]): Promise<CreatedKey> => {
    const response = await api.call('POST', '/api-keys', {
      token: admin,
      body: { name: 'SCADA bridge', scopes },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedKey;
  };

  it('reads with a read key, is refused writes and person routes, and stops at once when revoked', async () => {
    const { id, key } = await createKey(['read']);
    expect(key).toMatch(new RegExp(`^fk_${id}_[0-9a-f]{64}$`));
    const stored = await api.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(key).not.toContain(stored.secretHash);

    const sites = await api.call('GET', '/sites', { token: key });
    expect(sites.status).toBe(200);
    expect(JSON.stringify(await sites.json())).toContain(api.world.a.siteId);
    expect((await api.call('GET', `/sites/${api.world.b.siteId}`, { token: key })).status).toBe(404);
    expect((await api.call('POST', `/alarms/${alarmId}/acknowledge`, { token: key, body: {} })).status).toBe(
      403,
    );
    expect((await api.call('GET', '/members', { token: key })).status).toBe(403);
    expect((await api.call('GET', '/me', { token: key })).status).toBe(403);

    const listed = (await (await api.call('GET', '/api-keys', { token: admin })).json()) as Array<{
      id: string;
      lastUsedAt: string | null;
      key?: string;
    }>;
    const mine = listed.find((k) => k.id === id);
    expect(mine?.lastUsedAt).not.toBeNull();
    expect(mine?.key).toBeUndefined();

    expect((await api.call('DELETE', `/api-keys/${id}`, { token: admin })).status).toBe(204);
    expect((await api.call('GET', '/sites', { token: key })).status).toBe(401);
    expect((await api.call('DELETE', `/api-keys/${id}`, { token: admin })).status).toBe(404);
  });

  it('handles alarms with an alarms key, recorded under the key id', async () => {
    const { id, key } = await createKey(['read', 'alarms']);
    const ack = await api.call('POST', `/alarms/${alarmId}/acknowledge`, { token: key, body: {} });
    expect(ack.status).toBe(200);
    const { rows } = await api.pool.query<{ actor: string }>(
      `SELECT actor FROM alarm_transition WHERE alarm_id = $1 AND transition = 'acknowledged'`,
      [alarmId],
    );
    expect(rows.map((r) => r.actor)).toEqual([id]);
    expect(
      (await api.call('POST', '/api-keys', { token: key, body: { name: 'x', scopes: ['read'] } })).status,
    ).toBe(403);
  });

  it('refuses a forged secret for a real key id, and malformed scopes', async () => {
    const { id } = await createKey(['read']);
    expect((await api.call('GET', '/sites', { token: `fk_${id}_${'0'.repeat(64)}` })).status).toBe(401);
    const bad = await api.call('POST', '/api-keys', {
      token: admin,
      body: { name: 'x', scopes: ['alarms'] },
    });
    expect(bad.status).toBe(400);
  });
});
