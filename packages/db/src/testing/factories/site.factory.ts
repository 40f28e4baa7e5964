import type { PrismaClient } from '../../client.js';
import type { Prisma, Site } from '../../generated/prisma/client.js';
import { createTenant } from './tenant.factory.js';
import { uniqueSuffix } from './unique.js';

export type SiteOverrides = Partial<Prisma.SiteUncheckedCreateInput>;

export function siteData(overrides: SiteOverrides & { tenantId: string }): Prisma.SiteUncheckedCreateInput {
  return { name: `Site ${uniqueSuffix()}`, ...overrides };
}

/** A site, in a new tenant unless tenantId is given. */
export async function createSite(db: PrismaClient, overrides: SiteOverrides = {}): Promise<Site> {
  const tenantId = overrides.tenantId ?? (await createTenant(db)).id;
  return db.site.create({ data: siteData({ ...overrides, tenantId }) });
}
