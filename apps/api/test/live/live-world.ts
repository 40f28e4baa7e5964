import type { PrismaClient } from '@fleet/db';
import { createBmsString, createGateway, createSite, createTenant, createUser } from '@fleet/db/testing';

export interface LivePlace {
  tenantId: string;
  siteId: string;
  gatewayId: string;
  stringId: string;
}

export interface LiveUser {
  id: string;
  email: string;
  password: string;
}

/**
 * Installer A with sites A1 and A2 (one gateway and string each), installer B with B1, and a
 * support desk granted A1 for a week. Users: A's installer, A1's owner, the desk's support
 * member and B's org_admin.
 */
export interface LiveWorld {
  a1: LivePlace;
  a2: LivePlace;
  b1: LivePlace;
  deskId: string;
  grantId: string;
  users: Record<'installer' | 'owner' | 'support' | 'foreign', LiveUser>;
}

async function place(prisma: PrismaClient, tenantId: string, name: string): Promise<LivePlace> {
  const site = await createSite(prisma, { tenantId, name });
  const gateway = await createGateway(prisma, { siteId: site.id });
  const string = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 1 });
  return { tenantId, siteId: site.id, gatewayId: gateway.id, stringId: string.id };
}

export async function seedLiveWorld(prisma: PrismaClient): Promise<LiveWorld> {
  const tenantA = await createTenant(prisma, { name: 'Alpha Solar', kind: 'installer' });
  const tenantB = await createTenant(prisma, { name: 'Beta Energy', kind: 'installer' });
  const desk = await createTenant(prisma, { name: 'Support Desk', kind: 'support_desk' });
  const a1 = await place(prisma, tenantA.id, 'A1 shared');
  const a2 = await place(prisma, tenantA.id, 'A2 private');
  const b1 = await place(prisma, tenantB.id, 'B1');
  const installer = await createUser(prisma, { tenantId: tenantA.id, role: 'installer' });
  const owner = await createUser(prisma, { tenantId: tenantA.id, role: 'owner' });
  const support = await createUser(prisma, { tenantId: desk.id, role: 'support' });
  const foreign = await createUser(prisma, { tenantId: tenantB.id, role: 'org_admin' });
  await prisma.siteMember.create({ data: { siteId: a1.siteId, userId: owner.id, createdBy: installer.id } });
  const grant = await prisma.supportGrant.create({
    data: {
      tenantId: tenantA.id,
      siteId: a1.siteId,
      granteeTenantId: desk.id,
      grantedBy: installer.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  const user = (u: LiveUser) => ({ id: u.id, email: u.email, password: u.password });
  return {
    a1,
    a2,
    b1,
    deskId: desk.id,
    grantId: grant.id,
    users: { installer: user(installer), owner: user(owner), support: user(support), foreign: user(foreign) },
  };
}
