import { SiteAdminRepository, type SiteAdminRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { CreateSiteBody, SiteDto, UpdateSiteBody } from './site-admin.dto.js';

/** Creating and editing the sites an organisation manages (issue 8). */
@Injectable()
export class SiteAdminService {
  constructor(@Inject(SiteAdminRepository) private readonly sites: SiteAdminRepository) {}

  async create(auth: AuthContext, body: CreateSiteBody): Promise<SiteDto> {
    // A support desk manages no sites (docs/access.md); it only sees those granted to it.
    if (auth.orgKind === 'support_desk') {
      throw new AppError('FORBIDDEN', 'a support desk does not manage sites');
    }
    const site = await this.sites.create(auth.tenantId, {
      name: body.name,
      address: body.address ?? null,
      timezone: body.timezone,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
    });
    return toDto(site);
  }

  async update(auth: AuthContext, siteId: string, body: UpdateSiteBody): Promise<SiteDto> {
    const site = await this.sites.update(auth.tenantId, siteId, body);
    if (!site) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    return toDto(site);
  }
}

function toDto(site: SiteAdminRow): SiteDto {
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    timezone: site.timezone,
    latitude: site.latitude,
    longitude: site.longitude,
    createdAt: site.createdAt.toISOString(),
  };
}
