import type { PrismaClient } from '../client.js';
import type { ModuleType } from '../generated/prisma/enums.js';

export type StringModuleType = ModuleType;

/** A string as listed under its site. */
export interface StringSummary {
  id: string;
  name: string;
  bmsAddress: number;
  moduleType: StringModuleType;
  moduleCount: number | null;
  lastSampleAt: Date | null;
}

export interface SiteSummary {
  id: string;
  name: string;
  address: string | null;
  strings: StringSummary[];
  gatewayIds: string[];
}

export interface GatewaySummary {
  id: string;
  name: string;
  lastSeenAt: Date | null;
}

export interface MbmsGroupSummary {
  id: string;
  name: string;
  serial: string | null;
  stringIds: string[];
}

export interface SiteDetail {
  id: string;
  name: string;
  address: string | null;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  gateways: GatewaySummary[];
  mbmsGroups: MbmsGroupSummary[];
  strings: (StringSummary & { bus: string; gatewayId: string; mbmsGroupId: string | null })[];
}

const stringSummarySelect = {
  id: true,
  name: true,
  bmsAddress: true,
  moduleType: true,
  moduleCount: true,
  lastSampleAt: true,
} as const;

/** Sites of one tenant. Every method takes the tenant id and filters by it (tenancy is not optional). */
export class SiteRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async listWithStrings(tenantId: string): Promise<SiteSummary[]> {
    const sites = await this.prisma.site.findMany({
      where: { tenantId },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        name: true,
        address: true,
        gateways: { where: { tenantId }, select: { id: true }, orderBy: { id: 'asc' } },
        strings: {
          where: { tenantId },
          select: stringSummarySelect,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
      },
    });
    return sites.map(({ gateways, ...site }) => ({ ...site, gatewayIds: gateways.map((g) => g.id) }));
  }

  async findDetail(tenantId: string, siteId: string): Promise<SiteDetail | null> {
    const site = await this.prisma.site.findFirst({
      where: { id: siteId, tenantId },
      select: {
        id: true,
        name: true,
        address: true,
        timezone: true,
        latitude: true,
        longitude: true,
        gateways: {
          where: { tenantId },
          select: { id: true, name: true, lastSeenAt: true },
          orderBy: { id: 'asc' },
        },
        mbmsGroups: {
          select: {
            id: true,
            name: true,
            serial: true,
            strings: { where: { tenantId }, select: { id: true } },
          },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
        strings: {
          where: { tenantId },
          select: { ...stringSummarySelect, bus: true, gatewayId: true, mbmsGroupId: true },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
      },
    });
    if (!site) {
      return null;
    }
    const mbmsGroups = site.mbmsGroups.map(({ strings, ...group }) => ({
      ...group,
      stringIds: strings.map((s) => s.id),
    }));
    return { ...site, mbmsGroups };
  }
}
