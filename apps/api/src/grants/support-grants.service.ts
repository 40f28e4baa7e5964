import { SupportGrantRepository, type SupportGrantRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { type CreateGrantBody, MAX_GRANT_DAYS, type SupportGrantDto } from './support-grants.dto.js';

const DAY_MS = 86_400_000;

/** Support access per site: given by the managing organisation, ended by expiry or revoke. */
@Injectable()
export class SupportGrantsService {
  constructor(@Inject(SupportGrantRepository) private readonly grants: SupportGrantRepository) {}

  async list(auth: AuthContext): Promise<SupportGrantDto[]> {
    return (await this.grants.list(auth.tenantId)).map(toDto);
  }

  async create(auth: AuthContext, siteId: string, body: CreateGrantBody): Promise<SupportGrantDto> {
    const expiresAt = new Date(body.expiresAt);
    const now = Date.now();
    if (expiresAt.getTime() <= now) {
      throw new AppError('VALIDATION_FAILED', 'expiresAt: must be in the future');
    }
    if (expiresAt.getTime() > now + MAX_GRANT_DAYS * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', `expiresAt: at most ${MAX_GRANT_DAYS} days ahead`);
    }
    const result = await this.grants.create({
      orgId: auth.tenantId,
      siteId,
      grantee: body.grantee,
      expiresAt,
      note: body.note ?? null,
      grantedBy: auth.userId,
    });
    if (!result.ok) {
      throw result.reason === 'site-not-found'
        ? new AppError('NOT_FOUND', `site ${siteId} not found`)
        : new AppError(
            'VALIDATION_FAILED',
            result.reason === 'grantee-not-found'
              ? `grantee: no organisation ${body.grantee}`
              : 'grantee: must be a support desk or distributor other than your organisation',
          );
    }
    return toDto(result.grant);
  }

  async revoke(auth: AuthContext, id: string): Promise<SupportGrantDto> {
    const grant = await this.grants.revoke(auth.tenantId, id, auth.userId);
    if (!grant) {
      throw new AppError('NOT_FOUND', `support grant ${id} not found`);
    }
    return toDto(grant);
  }
}

function toDto(g: SupportGrantRow): SupportGrantDto {
  return {
    id: g.id,
    siteId: g.siteId,
    siteName: g.siteName,
    granteeId: g.granteeTenantId,
    granteeName: g.granteeName,
    grantedBy: g.grantedBy,
    note: g.note,
    createdAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    revokedBy: g.revokedBy,
    active: g.revokedAt === null && g.expiresAt.getTime() > Date.now(),
  };
}
