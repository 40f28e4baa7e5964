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
import type { SiteDetailDto, SiteSummaryDto, StringSummaryDto } from './sites.dto.js';

@Injectable()
export class SitesService {
  constructor(@Inject(SiteRepository) private readonly sites: SiteRepository) {}

  async list(scope: ScopeArg): Promise<SiteSummaryDto[]> {
    const sites = await this.sites.listWithStrings(scope);
    return sites.map(toSiteSummaryDto);
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
