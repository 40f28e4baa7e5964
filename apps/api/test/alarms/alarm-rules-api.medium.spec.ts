import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useAlarmApiFixture } from './alarm-api-fixture.js';

const targets = await testDatabaseTargets();

describe.each(targets)('alarm rules and maintenance windows over the API on $name', (target) => {
  const f = useAlarmApiFixture(target);

  it('refuses an invalid rule with a 400 naming rule and field, and stores a valid one with a new version', async () => {
    const token = await f.login(f.seed.a);
    const bad = await f.call(token, 'PUT', `/sites/${f.seed.a.siteId}/alarm-rules`, {
      rules: { 'derived.soh_low': { fireDelayS: -5 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('derived.soh_low');
    expect(bad.body.message).toContain('fireDelayS');
    const good = await f.call(token, 'PUT', '/alarm-rules', { rules: { 'bits.alarm': { fireDelayS: 5 } } });
    expect(good).toMatchObject({ status: 200, body: { scope: 'tenant', version: 1 } });
    expect(good.body.effective['bits.alarm']).toMatchObject({ fireDelayS: 5 });
    const site = await f.call(token, 'GET', `/sites/${f.seed.a.siteId}/alarm-rules`);
    expect(site.body).toMatchObject({ version: 0, rules: {} });
    expect(site.body.effective['bits.alarm'].fireDelayS).toBe(5);
    const other = await f.login(f.seed.b);
    expect((await f.call(other, 'GET', `/sites/${f.seed.a.siteId}/alarm-rules`)).status).toBe(404);
  });

  it('creates, lists and deletes maintenance windows of its own sites only', async () => {
    const token = await f.login(f.seed.a);
    const body = {
      siteId: f.seed.a.siteId,
      startsAt: '2099-01-01T00:00:00Z',
      endsAt: '2099-01-02T00:00:00Z',
      reason: 'swap module 3',
    };
    const created = await f.call(token, 'POST', '/maintenance-windows', body);
    expect(created.status).toBe(201);
    expect((await f.call(token, 'GET', '/maintenance-windows')).body).toEqual([created.body]);
    const reversed = await f.call(token, 'POST', '/maintenance-windows', {
      ...body,
      endsAt: '2098-01-01T00:00:00Z',
    });
    expect(reversed.status).toBe(400);
    const other = await f.login(f.seed.b);
    expect((await f.call(other, 'POST', '/maintenance-windows', body)).status).toBe(404);
    expect((await f.call(other, 'DELETE', `/maintenance-windows/${created.body.id}`)).status).toBe(404);
    expect((await f.call(token, 'DELETE', `/maintenance-windows/${created.body.id}`)).status).toBe(204);
  });
});
