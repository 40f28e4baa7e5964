import type { PrismaClient } from '../../client.js';
import type { BmsString, Prisma } from '../../generated/prisma/client.js';
import { createGateway } from './gateway.factory.js';

export type BmsStringOverrides = Partial<Prisma.BmsStringUncheckedCreateInput>;

export function bmsStringData(
  overrides: BmsStringOverrides & { tenantId: string; siteId: string; gatewayId: string },
): Prisma.BmsStringUncheckedCreateInput {
  const bmsAddress = overrides.bmsAddress ?? 0;
  return { bus: 'can0', bmsAddress, name: `String ${bmsAddress}`, moduleType: 'H48050', ...overrides };
}

/**
 * A string behind the given gateway (tenant and site follow the gateway), or behind a new
 * gateway. Unique per (gateway, bus, bmsAddress): pass bmsAddress for a second one.
 */
export async function createBmsString(
  db: PrismaClient,
  overrides: BmsStringOverrides = {},
): Promise<BmsString> {
  const gateway = overrides.gatewayId
    ? await db.gateway.findUniqueOrThrow({ where: { id: overrides.gatewayId } })
    : await createGateway(db, overrides.siteId ? { siteId: overrides.siteId } : {});
  return db.bmsString.create({
    data: bmsStringData({
      ...overrides,
      tenantId: gateway.tenantId,
      siteId: gateway.siteId,
      gatewayId: gateway.id,
    }),
  });
}
