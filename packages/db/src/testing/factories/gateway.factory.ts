import type { PrismaClient } from '../../client.js';
import type { Gateway, Prisma } from '../../generated/prisma/client.js';
import { createSite } from './site.factory.js';
import { uniqueSuffix } from './unique.js';

export type GatewayOverrides = Partial<Prisma.GatewayUncheckedCreateInput>;

export function gatewayData(
  overrides: GatewayOverrides & { tenantId: string; siteId: string },
): Prisma.GatewayUncheckedCreateInput {
  const n = uniqueSuffix();
  // Matches the wire gatewayId pattern [a-z0-9-]{3,64} (packages/telemetry ids.ts).
  return { id: `gw-${n}`, name: `Gateway ${n}`, ...overrides };
}

/** A gateway in the given site (its tenant follows), or in a new site of a new tenant. */
export async function createGateway(db: PrismaClient, overrides: GatewayOverrides = {}): Promise<Gateway> {
  const site = overrides.siteId
    ? await db.site.findUniqueOrThrow({ where: { id: overrides.siteId } })
    : await createSite(db, overrides.tenantId ? { tenantId: overrides.tenantId } : {});
  return db.gateway.create({ data: gatewayData({ ...overrides, tenantId: site.tenantId, siteId: site.id }) });
}
