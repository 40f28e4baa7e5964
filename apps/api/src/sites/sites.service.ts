import {
  type ScopeArg,
  type SiteDetail,
  SiteRepository,
  type SiteSummary,
  type StringSummary,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import { decodeSiteCursor, encodeSiteCursor } from './site-cursor.js';
import type {
  SiteDetailDto,
  SiteListDto,
  SiteListQuery,
  SiteSummaryDto,
  StringSummaryDto,
} from './sites.dto.js';

@Injectable()
export class SitesService {
  constructor(@Inject(SiteRepository) private readonly sites: SiteRepository) {}

  /** One page by name then id; `limit + 1` rows are read to know whether another follows. */
  async list(scope: ScopeArg, q: SiteListQuery): Promise<SiteListDto> {
    const after = q.cursor === undefined ? undefined : decodeSiteCursor(q.cursor);
    if (q.cursor !== undefined && after === undefined) {
      throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned');
    }
    const rows = await this.sites.listPage(scope, {
      ...(q.q ? { q: q.q } : {}),
      ...(after ? { after } : {}),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toSiteSummaryDto),
      nextCursor: rows.length > q.limit && last ? encodeSiteCursor(last) : null,
    };
  }

  async detail(scope: ScopeArg, siteId: string): Promise<SiteDetailDto> {
    const site = await this.sites.findDetail(scope, siteId);
    if (!site) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    return toSiteDetailDto(site);
  }
}

function toStringSummaryDto(s: StringSummary): StringSummaryDto {
  return {
    id: s.id,
    name: s.name,
    bmsAddress: s.bmsAddress,
    moduleType: s.moduleType,
    moduleCount: s.moduleCount,
    lastSampleAt: isoOrNull(s.lastSampleAt),
  };
}

function toSiteSummaryDto(site: SiteSummary): SiteSummaryDto {
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    strings: site.strings.map(toStringSummaryDto),
    gatewayIds: site.gatewayIds,
  };
}

function toSiteDetailDto(site: SiteDetail): SiteDetailDto {
  return {
    ...site,
    gateways: site.gateways.map((g) => ({ id: g.id, name: g.name, lastSeenAt: isoOrNull(g.lastSeenAt) })),
    strings: site.strings.map((s) => ({
      ...toStringSummaryDto(s),
      bus: s.bus,
      gatewayId: s.gatewayId,
      mbmsGroupId: s.mbmsGroupId,
    })),
  };
}
