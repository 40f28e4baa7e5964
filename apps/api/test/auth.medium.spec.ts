import { randomUUID } from 'node:crypto';
import { testDatabaseTargets } from '@fleet/db/testing';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useApiFixture } from './support/api-fixture.js';
import { seedTwoTenants } from './support/seed-two-tenants.js';

const targets = await testDatabaseTargets();
const withoutRequestId = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;

function forgedToken(): Promise<string> {
  return new SignJWT({ tid: randomUUID(), role: 'installer' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(randomUUID())
    .setIssuer('fleet-api')
    .setAudience('fleet')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('another-secret-that-is-long-enough-0000'));
}

describe.each(targets)('auth on $name', (target) => {
  const api = useApiFixture(target, seedTwoTenants);

  it('logs a user in and returns their profile', async () => {
    const { a } = api.seed;
    const response = await api.post('/auth/login', { email: a.email, password: a.password });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: Record<string, unknown> };
    expect(body.token.split('.')).toHaveLength(3);
    expect(body.user).toMatchObject({ email: a.email, name: 'Ada Installer', role: 'installer' });
    const me = await api.get('/me', body.token);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body.user);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const { a } = api.seed;
    const wrong = await api.post('/auth/login', { email: a.email, password: `${a.password}x` });
    const unknown = await api.post('/auth/login', { email: 'nobody@fleet.test', password: 'whatever' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = withoutRequestId((await wrong.json()) as Record<string, unknown>);
    expect(wrongBody).toEqual(withoutRequestId((await unknown.json()) as Record<string, unknown>));
    expect(wrongBody).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('names the bad field of a login body and refuses unknown fields and broken JSON', async () => {
    const { a } = api.seed;
    const missing = await api.post('/auth/login', { email: a.email });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toContain('password');
    const extra = await api.post('/auth/login', { email: a.email, password: 'x', admin: true });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { message: string }).message).toContain('admin');
    const broken = await api.post('/auth/login', '{"email": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
  });

  it('refuses every protected route without a valid token', async () => {
    const { a } = api.seed;
    const forged = await forgedToken();
    const paths = [
      '/me',
      '/sites',
      `/sites/${a.siteId}`,
      `/strings/${a.stringId}`,
      `/strings/${a.stringId}/latest`,
    ];
    for (const path of paths) {
      for (const token of [undefined, forged, 'not-a-jwt']) {
        const response = await api.get(path, token);
        expect(response.status, `${path} with ${token ? 'a bad' : 'no'} token`).toBe(401);
        expect(((await response.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
      }
    }
  });
});
