import type { PrismaClient } from '../../client.js';
import type { MbmsGroup, Prisma } from '../../generated/prisma/client.js';
import { createSite } from './site.factory.js';
import { uniqueSuffix } from './unique.js';

export type MbmsGroupOverrides = Partial<Prisma.MbmsGroupUncheckedCreateInput>;

export function mbmsGroupData(
  overrides: MbmsGroupOverrides & { siteId: string },
): Prisma.MbmsGroupUncheckedCreateInput {
  return { name: `MBMS1000 ${uniqueSuffix()}`, ...overrides };
}

/** An MBMS1000 group in the given site, or in a new site. */
export async function createMbmsGroup(
  db: PrismaClient,
  overrides: MbmsGroupOverrides = {},
): Promise<MbmsGroup> {
  const siteId = overrides.siteId ?? (await createSite(db)).id;
  return db.mbmsGroup.create({ data: mbmsGroupData({ ...overrides, siteId }) });
}
