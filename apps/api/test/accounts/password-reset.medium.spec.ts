import { createUser, testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { tokenInMail, useAccountsFixture } from './accounts-fixture.js';

const [target] = await testDatabaseTargets();

describe(`password reset by email on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);

  it('answers 202 alike for known and unknown emails, and mails only the known one', async () => {
    const unknown = await api.call('POST', '/auth/password-reset', { body: { email: 'nobody@fleet.test' } });
    const known = await api.call('POST', '/auth/password-reset', {
      body: { email: api.world.a.installer.email },
    });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe(await known.text());
    await api.mailTo(api.world.a.installer.email);
    expect(api.mailsTo('nobody@fleet.test')).toEqual([]);
    expect(await api.prisma.passwordReset.count()).toBe(1);
  });

  it('sets the new password once, and ends the sessions issued before it', async () => {
    const user = await createUser(api.prisma, { tenantId: api.world.a.tenantId, role: 'technician' });
    const oldSession = await api.login(user);
    expect((await api.call('GET', '/me', { token: oldSession })).status).toBe(200);

    await api.call('POST', '/auth/password-reset', { body: { email: user.email.toUpperCase() } });
    const mail = await api.mailTo(user.email);
    const token = tokenInMail(mail, 'reset-password');
    const confirmed = await api.call('POST', '/auth/password-reset/confirm', {
      body: { token, password: 'a brand new password' },
    });
    expect(confirmed.status).toBe(204);

    const refused = await api.call('GET', '/me', { token: oldSession });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toContain('password reset');
    const fresh = await api.login({ email: user.email, password: 'a brand new password' });
    expect((await api.call('GET', '/me', { token: fresh })).status).toBe(200);
    expect(
      (await api.call('POST', '/auth/login', { body: { email: user.email, password: user.password } }))
        .status,
    ).toBe(401);

    const reused = await api.call('POST', '/auth/password-reset/confirm', {
      body: { token, password: 'yet another password' },
    });
    expect(reused.status).toBe(400);
  });

  it('refuses an expired token and a weak password', async () => {
    const user = await createUser(api.prisma, { tenantId: api.world.a.tenantId });
    await api.call('POST', '/auth/password-reset', { body: { email: user.email } });
    const token = tokenInMail(await api.mailTo(user.email), 'reset-password');
    const weak = await api.call('POST', '/auth/password-reset/confirm', {
      body: { token, password: 'short' },
    });
    expect(weak.status).toBe(400);
    await api.prisma.passwordReset.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await api.call('POST', '/auth/password-reset/confirm', {
      body: { token, password: 'long enough password' },
    });
    expect(expired.status).toBe(400);
    expect(await api.login(user)).toBeTruthy();
  });
});
