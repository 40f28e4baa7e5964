import type { WarrantyStringRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { WARRANTY_STRING_REPO } from './warranty.tokens.js';
import type {
  CommissioningBody,
  CommissioningDto,
  SiteRegionBody,
  SiteRegionDto,
} from './warranty-status.dto.js';

/**
 * The install record of a string and the warranty region of a site: written only on the caller's
 * own organisation's strings and sites (auth.tenantId), never on ones it sees through a grant or an
 * invitation, which are 404 like missing ones.
 */
@Injectable()
export class CommissioningService {
  constructor(@Inject(WARRANTY_STRING_REPO) private readonly strings: WarrantyStringRepository) {}

  async setCommissioning(
    auth: AuthContext,
    stringId: string,
    body: CommissioningBody,
  ): Promise<CommissioningDto> {
    const commissionedAt = new Date(body.commissionedAt);
    if (commissionedAt.getTime() > Date.now() + 86_400_000) {
      throw new AppError('VALIDATION_FAILED', 'commissionedAt: must not be in the future');
    }
    const row = await this.strings.setCommissioning(
      auth.tenantId,
      stringId,
      { commissionedAt, commissionedBy: body.commissionedBy, notes: body.notes },
      auth.userId,
    );
    if (!row) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    return {
      ...row,
      commissionedAt: row.commissionedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async setSiteRegion(auth: AuthContext, siteId: string, body: SiteRegionBody): Promise<SiteRegionDto> {
    if (!(await this.strings.setSiteRegion(auth.tenantId, siteId, body.warrantyRegion))) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    return { siteId, warrantyRegion: body.warrantyRegion };
  }
}
