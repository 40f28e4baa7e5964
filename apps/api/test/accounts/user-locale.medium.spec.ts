import { createUser, testDatabaseTargets } from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import { describe, expect, it } from 'vitest';
import { tokenInMail, useAccountsFixture } from './accounts-fixture.js';

// Accounts touch no time series, so one database flavour is enough (the first target: PostgreSQL).
const [target] = await testDatabaseTargets();

interface Me {
  id: string;
  locale: string;
}

describe(`a person's language (GET/PATCH /api/me) on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);
  const me = async (token: string) => (await (await api.call('GET', '/me', { token })).json()) as Me;

  it('is English until the person chooses German, which GET /api/me and a new login then return', async () => {
    const user = await createUser(api.prisma, { tenantId: api.world.a.tenantId, role: 'owner' });
    const token = await api.login(user);
    expect((await me(token)).locale).toBe('en');

    const changed = await api.call('PATCH', '/me', { token, body: { locale: 'de' } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ id: user.id, locale: 'de' });
    expect((await me(token)).locale).toBe('de');
    const login = await api.call('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(((await login.json()) as { user: Me }).user.locale).toBe('de');

    const rows = await waitFor(
      'the audit row of the change',
      async () => {
        const { rows } = await api.pool.query<{ verb: string; status: number }>(
          `SELECT verb, status FROM audit_event WHERE actor_user_id = $1 AND action = 'PATCH /api/me'`,
          [user.id],
        );
        return rows.length > 0 ? rows : undefined;
      },
      20_000,
    );
    expect(rows).toEqual([{ verb: 'update', status: 200 }]);
  });

  it('refuses a language it does not have, naming the field, and fields that are not the language', async () => {
    const token = await api.login(api.world.a.installer);
    const french = await api.call('PATCH', '/me', { token, body: { locale: 'fr' } });
    expect(french.status).toBe(400);
    const { message } = (await french.json()) as { message: string };
    expect(message).toContain('locale');
    expect(message).toContain('en, de');
    const role = await api.call('PATCH', '/me', { token, body: { locale: 'de', role: 'org_admin' } });
    expect(role.status).toBe(400);
    expect((await me(token)).locale).toBe('en');
    expect((await api.prisma.user.findUniqueOrThrow({ where: { id: api.world.a.installer.id } })).role).toBe(
      'installer',
    );
  });

  it('refuses a value outside the languages in the database too (CHECK constraint)', async () => {
    await expect(
      api.pool.query(`UPDATE app_user SET locale = 'fr' WHERE id = $1`, [api.world.a.admin.id]),
    ).rejects.toThrow(/app_user_locale_check/);
  });
});

describe(`account mails in the person's language on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);

  it('mails a German person’s password reset in German', async () => {
    const user = await createUser(api.prisma, {
      tenantId: api.world.a.tenantId,
      role: 'technician',
      locale: 'de',
    });
    await api.call('POST', '/auth/password-reset', { body: { email: user.email } });
    const mail = await api.mailTo(user.email);
    expect(mail.header('subject')).toBe('Ihr Fleet-Passwort zurücksetzen');
    expect(mail.decoded).toContain('Hier wählen Sie ein neues:');
    expect(mail.decoded).not.toContain('Choose a new one');
    tokenInMail(mail, 'reset-password');
  });

  it('invites in the inviter’s language, or the one chosen, and the invitee keeps the accept form’s', async () => {
    const german = await createUser(api.prisma, {
      tenantId: api.world.a.tenantId,
      role: 'org_admin',
      locale: 'de',
    });
    const token = await api.login(german);
    const invited = await api.call('POST', '/invitations', {
      token,
      body: { email: 'tina.tech@fleet.test', role: 'technician' },
    });
    expect(invited.status).toBe(201);
    const mail = await api.mailTo('tina.tech@fleet.test');
    expect(mail.header('subject')).toBe('Einladung zu Alpha Solar auf Fleet');
    expect(mail.decoded).toContain('Sie wurden eingeladen, Alpha Solar auf Fleet als Techniker beizutreten.');

    const chosen = await api.call('POST', '/invitations', {
      token,
      body: { email: 'ian.installer@fleet.test', role: 'installer', locale: 'en' },
    });
    expect(chosen.status).toBe(201);
    const english = await api.mailTo('ian.installer@fleet.test');
    expect(english.header('subject')).toBe('You are invited to Alpha Solar on Fleet');
    expect(english.decoded).toContain('as installer.');

    const accepted = await api.call('POST', '/invitations/accept', {
      body: {
        token: tokenInMail(mail, 'accept-invite'),
        name: 'Tina Tech',
        password: 'tina secret 1',
        locale: 'de',
      },
    });
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { user: Me }).user.locale).toBe('de');
    const stored = await api.prisma.user.findUniqueOrThrow({ where: { email: 'tina.tech@fleet.test' } });
    expect(stored.locale).toBe('de');

    const bad = await api.call('POST', '/invitations/accept', {
      body: {
        token: tokenInMail(english, 'accept-invite'),
        name: 'Ian',
        password: 'ian secret 12',
        locale: 'xx',
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('locale');
  });
});
