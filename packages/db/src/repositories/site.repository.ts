import { type ScopeArg, scopeWhere } from '../access/index.js';
import type { Prisma, PrismaClient } from '../client.js';
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

/** Which page of a site list: a search, the last site of the page before, how many. */
export interface SiteListPage {
  /** Case-insensitive substring of the name or the address. */
  q?: string;
  /** Name and id of the last site already shown. */
  after?: { name: string; id: string };
  limit?: number;
}

const stringSummarySelect = {
  id: true,
  name: true,
  bmsAddress: true,
  moduleType: true,
  moduleCount: true,
  lastSampleAt: true,
} as const;

/**
 * Sites in a caller's scope (its organisation's, plus invited or support-granted ones). Every method
 * takes the scope and filters by it (tenancy is not optional); the API's row-level security backs it.
 */
export class SiteRepository {
  constructor(private readonly prisma: PrismaClient | Prisma.TransactionClient) {}

  /** Every site of the scope, by name then id. */
  async listWithStrings(scope: ScopeArg): Promise<SiteSummary[]> {
    return this.listPage(scope, {});
  }

  /**
   * One page of the scope's sites by name then id: after the given site (keyset, so a site added
   * or renamed meanwhile never repeats one already shown), matching `q` case-insensitively in the
   * name or the address. Pass `limit + 1` to learn whether another page follows.
   */
  async listPage(scope: ScopeArg, page: SiteListPage): Promise<SiteSummary[]> {
    // Prisma's `contains` puts the text into a LIKE pattern as it is: % and _ are escaped to stay text.
    const q = page.q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const where: Prisma.SiteWhereInput[] = [scopeWhere(scope, 'id')];
    if (q) {
      where.push({
        OR: [
          { name: { contains: q, mode: 'insensitive' } },
          { address: { contains: q, mode: 'insensitive' } },
        ],
      });
    }
    if (page.after) {
      const { name, id } = page.after;
      where.push({ OR: [{ name: { gt: name } }, { name, id: { gt: id } }] });
    }
    const sites = await this.prisma.site.findMany({
      where: { AND: where },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...(page.limit === undefined ? {} : { take: page.limit }),
      select: {
        id: true,
        name: true,
        address: true,
        gateways: { select: { id: true }, orderBy: { id: 'asc' } },
        strings: {
          select: stringSummarySelect,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
      },
    });
    return sites.map(({ gateways, ...site }) => ({ ...site, gatewayIds: gateways.map((g) => g.id) }));
  }

  async findDetail(scope: ScopeArg, siteId: string): Promise<SiteDetail | null> {
    const site = await this.prisma.site.findFirst({
      where: { AND: [{ id: siteId }, scopeWhere(scope, 'id')] },
      select: {
        id: true,
        name: true,
        address: true,
        timezone: true,
        latitude: true,
        longitude: true,
        gateways: {
          select: { id: true, name: true, lastSeenAt: true },
          orderBy: { id: 'asc' },
        },
        mbmsGroups: {
          select: {
            id: true,
            name: true,
            serial: true,
            strings: { select: { id: true } },
          },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        },
        strings: {
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
