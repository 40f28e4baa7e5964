import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccountsFixture, tokenInMail, useAccountsFixture } from './accounts-fixture.js';

// Accounts touch no time series, so one database flavour is enough (the first target: PostgreSQL).
const [target] = await testDatabaseTargets();

interface Session {
  token: string;
  user: { id: string; email: string; role: string; tenantId: string };
}

const invite = (api: AccountsFixture, token: string, body: unknown) =>
  api.call('POST', '/invitations', { token, body });
const accept = (api: AccountsFixture, body: unknown) => api.call('POST', '/invitations/accept', { body });

/** The ids of the sites a caller sees, sorted. */
async function siteIdsSeenBy(api: AccountsFixture, token: string): Promise<string[]> {
  const response = await api.call('GET', '/sites', { token });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items?: Array<{ id: string }> } | Array<{ id: string }>;
  return (Array.isArray(body) ? body : (body.items ?? [])).map((s) => s.id).sort();
}

describe(`invitations and members on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);
  let admin = '';
  let installer = '';

  beforeAll(async () => {
    admin = await api.login(api.world.a.admin);
    installer = await api.login(api.world.a.installer);
  });

  it('mails an owner invitation whose link creates the account, which then sees only its site', async () => {
    const email = 'olga.owner@fleet.test';
    const created = await invite(api, installer, { email, role: 'owner', siteIds: [api.world.a.siteId] });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      email,
      role: 'owner',
      siteIds: [api.world.a.siteId],
      mailed: true,
    });
    const mail = await api.mailTo(email);
    expect(mail.header('subject')).toContain('Alpha Solar');
    const token = tokenInMail(mail, 'accept-invite');

    const stored = await api.prisma.invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).not.toContain(token);

    const accepted = await accept(api, { token, name: 'Olga Owner', password: 'olga secret 1' });
    expect(accepted.status).toBe(200);
    const session = (await accepted.json()) as Session;
    expect(session.user).toMatchObject({ email, role: 'owner', tenantId: api.world.a.tenantId });
    expect(await siteIdsSeenBy(api, session.token)).toEqual([api.world.a.siteId]);

    const again = await accept(api, { token, name: 'Olga Owner', password: 'olga secret 1' });
    expect(again.status).toBe(400);
  });

  it('adds the sites of a further invitation to an existing owner who proves the password', async () => {
    const email = 'olga.owner@fleet.test';
    const created = await invite(api, admin, { email, role: 'owner', siteIds: [api.world.a.otherSiteId] });
    expect(created.status).toBe(201);
    const token = tokenInMail(await api.mailTo(email, 1), 'accept-invite');
    const wrong = await accept(api, { token, name: 'x', password: 'not her password' });
    expect(wrong.status).toBe(401);
    const right = await accept(api, { token, name: 'x', password: 'olga secret 1' });
    expect(right.status).toBe(200);
    const session = (await right.json()) as Session;
    expect(await siteIdsSeenBy(api, session.token)).toEqual(
      [api.world.a.siteId, api.world.a.otherSiteId].sort(),
    );
  });

  it('lets installers invite only owners, only to their own sites, and refuses existing members', async () => {
    const tech = await invite(api, installer, { email: 'tom@fleet.test', role: 'technician' });
    expect(tech.status).toBe(403);
    const foreignSite = await invite(api, installer, {
      email: 'otto@fleet.test',
      role: 'owner',
      siteIds: [api.world.b.siteId],
    });
    expect(foreignSite.status).toBe(404);
    const member = await invite(api, admin, { email: api.world.a.installer.email, role: 'technician' });
    expect(member.status).toBe(409);
    expect(
      await api.prisma.invitation.count({ where: { email: { in: ['tom@fleet.test', 'otto@fleet.test'] } } }),
    ).toBe(0);
  });

  it('lists pending invitations and withdraws one, whose link then no longer works', async () => {
    const email = 'tina.tech@fleet.test';
    const created = await invite(api, admin, { email, role: 'technician' });
    const { id } = (await created.json()) as { id: string };
    const token = tokenInMail(await api.mailTo(email), 'accept-invite');
    const pending = (await (await api.call('GET', '/invitations', { token: installer })).json()) as Array<{
      id: string;
    }>;
    expect(pending.map((p) => p.id)).toContain(id);
    expect((await api.call('DELETE', `/invitations/${id}`, { token: admin })).status).toBe(204);
    const refused = await accept(api, { token, name: 'Tina', password: 'tina secret 1' });
    expect(refused.status).toBe(400);
    expect(await api.prisma.user.count({ where: { email } })).toBe(0);
  });
});
