import { createUser, testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/auth/totp-code.js';
import { useAccountsFixture } from './accounts-fixture.js';

const [target] = await testDatabaseTargets();
const STEP_MS = 30_000;

/**
 * Three codes of consecutive time steps, all inside the server's ±1-step window for the next few
 * seconds: when the current step is about to end, this waits for the next one to begin (setup,
 * not an assertion), so crossing a step boundary mid-test cannot shift the window.
 */
async function threeCodes(secret: string): Promise<[string, string, string]> {
  if (Date.now() % STEP_MS > STEP_MS - 8_000) {
    await new Promise((r) => setTimeout(r, STEP_MS - (Date.now() % STEP_MS) + 50));
  }
  const now = Date.now();
  return [totpCodeAt(secret, now - STEP_MS), totpCodeAt(secret, now), totpCodeAt(secret, now + STEP_MS)];
}

describe(`TOTP second factor on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);

  it('asks for a code after the password once enabled, and takes each code once', async () => {
    const user = await createUser(api.prisma, { tenantId: api.world.a.tenantId, role: 'technician' });
    const token = await api.login(user);
    const setup = await api.call('POST', '/me/totp/setup', { token });
    expect(setup.status).toBe(200);
    const { secret, uri } = (await setup.json()) as { secret: string; uri: string };
    expect(uri).toContain(`secret=${secret}`);
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);

    // Not active until confirmed: the login still answers a session.
    expect(await api.login(user)).toBeTruthy();
    const [previous, current, next] = await threeCodes(secret);
    const wrongCode = current === '000000' ? '111111' : '000000';
    expect((await api.call('POST', '/me/totp/enable', { token, body: { code: wrongCode } })).status).toBe(
      400,
    );
    expect((await api.call('POST', '/me/totp/enable', { token, body: { code: previous } })).status).toBe(204);

    const first = await api.call('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(first.status).toBe(200);
    const { totpRequired, challenge } = (await first.json()) as { totpRequired: boolean; challenge: string };
    expect(totpRequired).toBe(true);
    const replay = await api.call('POST', '/auth/login/totp', { body: { challenge, code: previous } });
    expect(replay.status).toBe(401);
    const second = await api.call('POST', '/auth/login/totp', { body: { challenge, code: current } });
    expect(second.status).toBe(200);
    const session = (await second.json()) as { token: string; user: { id: string } };
    expect(session.user.id).toBe(user.id);
    expect((await api.call('GET', '/me', { token: session.token })).status).toBe(200);
    // A challenge is not a session.
    expect((await api.call('GET', '/me', { token: challenge })).status).toBe(401);

    expect((await api.call('DELETE', '/me/totp', { token, body: { code: next } })).status).toBe(204);
    expect(await api.login(user)).toBeTruthy();
    const cleared = await api.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([cleared.totpSecret, cleared.totpEnabledAt]).toEqual([null, null]);
  });
});
