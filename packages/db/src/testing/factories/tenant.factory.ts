import type { PrismaClient } from '../../client.js';
import type { Prisma, Tenant } from '../../generated/prisma/client.js';
import { uniqueSuffix } from './unique.js';

export type TenantOverrides = Partial<Prisma.TenantUncheckedCreateInput>;

export function tenantData(overrides: TenantOverrides = {}): Prisma.TenantUncheckedCreateInput {
  const n = uniqueSuffix();
  return { name: `Tenant ${n}`, slug: `tenant-${n}`, ...overrides };
}

export function createTenant(db: PrismaClient, overrides: TenantOverrides = {}): Promise<Tenant> {
  return db.tenant.create({ data: tenantData(overrides) });
}
