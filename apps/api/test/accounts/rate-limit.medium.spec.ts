import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useAccountsFixture } from './accounts-fixture.js';

const [target] = await testDatabaseTargets();

describe(`rate limits of the public credential routes on ${target?.name}`, () => {
  // Defaults: 10 attempts a minute per email, 30 per client IP.
  const api = useAccountsFixture(target!);

  it('refuses the 11th login attempt for one email with 429 and Retry-After, not another email', async () => {
    const email = api.world.a.installer.email;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await api.call('POST', '/auth/login', { body: { email, password: 'guess' } })).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await api.call('POST', '/auth/login', {
      body: { email, password: api.world.a.installer.password },
    });
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await eleventh.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await api.login(api.world.a.admin)).toBeTruthy();
  });

  it('limits one client IP across emails, and each route bucket apart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const body = { email: `reset-${i}@fleet.test` };
      statuses.push((await api.call('POST', '/auth/password-reset', { body })).status);
    }
    expect(statuses).toEqual(Array(30).fill(202));
    const over = await api.call('POST', '/auth/password-reset', { body: { email: 'one-more@fleet.test' } });
    expect(over.status).toBe(429);
    const accept = await api.call('POST', '/invitations/accept', {
      body: { token: 'x', name: 'n', password: 'p' },
    });
    expect(accept.status).toBe(400);
  });
});
