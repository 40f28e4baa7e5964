import { createUser, testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useAccountsFixture } from './accounts-fixture.js';

const [target] = await testDatabaseTargets();

describe(`members of an organisation on ${target?.name}`, () => {
  const api = useAccountsFixture(target!);
  let admin = '';
  let installer = '';

  beforeAll(async () => {
    admin = await api.login(api.world.a.admin);
    installer = await api.login(api.world.a.installer);
  });

  it('changes roles and removes members, but never the last org_admin nor oneself', async () => {
    const { admin: adminPerson, installer: installerPerson } = api.world.a;
    const list = (await (await api.call('GET', '/members', { token: admin })).json()) as Array<{
      id: string;
    }>;
    expect(list.map((m) => m.id)).toEqual(expect.arrayContaining([adminPerson.id, installerPerson.id]));
    expect((await api.call('GET', '/members', { token: installer })).status).toBe(403);

    const demoteSelf = await api.call('PATCH', `/members/${adminPerson.id}`, {
      token: admin,
      body: { role: 'installer' },
    });
    expect(demoteSelf.status).toBe(409);
    expect((await api.call('DELETE', `/members/${adminPerson.id}`, { token: admin })).status).toBe(409);

    const promoted = await api.call('PATCH', `/members/${installerPerson.id}`, {
      token: admin,
      body: { role: 'technician' },
    });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ id: installerPerson.id, role: 'technician' });
    // The guard reads the role per request: the old token now carries technician rights.
    expect(
      (
        await api.call('POST', '/invitations', {
          token: installer,
          body: { email: 'z@fleet.test', role: 'owner' },
        })
      ).status,
    ).toBe(403);

    expect((await api.call('DELETE', `/members/${installerPerson.id}`, { token: admin })).status).toBe(204);
    expect((await api.call('GET', '/me', { token: installer })).status).toBe(401);
  });

  it('removes an owner together with its site memberships', async () => {
    const owner = await createUser(api.prisma, { tenantId: api.world.a.tenantId, role: 'owner' });
    await api.prisma.siteMember.create({
      data: { siteId: api.world.a.siteId, userId: owner.id, createdBy: api.world.a.admin.id },
    });
    expect((await api.call('DELETE', `/members/${owner.id}`, { token: admin })).status).toBe(204);
    expect(await api.prisma.siteMember.count({ where: { userId: owner.id } })).toBe(0);
  });

  it('announces a role change on fleet_access, so open live streams look again', async () => {
    const member = await createUser(api.prisma, { tenantId: api.world.a.tenantId, role: 'technician' });
    const listener = await api.pool.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    try {
      await listener.query('LISTEN fleet_access');
      const patched = await api.call('PATCH', `/members/${member.id}`, {
        token: admin,
        body: { role: 'owner' },
      });
      expect(patched.status).toBe(200);
      const payload = await vi.waitFor(() => {
        const found = heard.find((p) => p.includes(member.id));
        expect(found).toBeDefined();
        return found as string;
      });
      expect(JSON.parse(payload)).toEqual({ kind: 'member', userId: member.id });
    } finally {
      listener.release();
    }
  });
});
