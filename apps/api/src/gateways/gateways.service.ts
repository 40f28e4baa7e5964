import {
  GatewayAdminRepository,
  type GatewayAdminRow,
  GatewayCredentialRepository,
  type ScopeArg,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AuthContext } from '../logging/api-request.js';
import { gatewayInboxPrefix } from './gateway-permissions.js';
import type { GatewayCredentialsDto, GatewayDto, RegisterGatewayBody } from './gateways.dto.js';
import { issueGatewayCreds } from './issue-gateway-creds.js';

/** Gateways of a site and their NATS credentials (issue 8). */
@Injectable()
export class GatewaysService {
  constructor(
    @Inject(GatewayAdminRepository) private readonly gateways: GatewayAdminRepository,
    @Inject(GatewayCredentialRepository) private readonly credentials: GatewayCredentialRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(scope: ScopeArg, siteId: string): Promise<GatewayDto[]> {
    const rows = await this.gateways.listBySite(scope, siteId);
    if (!rows) {
      throw new AppError('NOT_FOUND', `site ${siteId} not found`);
    }
    return rows.map(toDto);
  }

  async register(auth: AuthContext, siteId: string, body: RegisterGatewayBody): Promise<GatewayDto> {
    const result = await this.gateways.register(auth.tenantId, siteId, body);
    if (!result.ok) {
      throw result.reason === 'site-not-found'
        ? new AppError('NOT_FOUND', `site ${siteId} not found`)
        : new AppError('CONFLICT', `id: gateway ${body.id} is already registered`);
    }
    return toDto(result.gateway);
  }

  /**
   * Issues new credentials and revokes the previous ones. The JWT is signed before anything is
   * stored, so a failure leaves the old credentials working; the seed is never stored.
   */
  async issueCredentials(auth: AuthContext, gatewayId: string): Promise<GatewayCredentialsDto> {
    // Not found before not configured: a foreign id is a 404 whatever this deployment lacks.
    if (!(await this.credentials.manages(auth.tenantId, gatewayId))) {
      throw new AppError('NOT_FOUND', `gateway ${gatewayId} not found`);
    }
    const account = this.config.natsAccount;
    if (!account) {
      throw new AppError('NOT_CONFIGURED', 'gateway credentials need NATS_ACCOUNT_SIGNING_SEED');
    }
    const creds = await issueGatewayCreds({ gatewayId, ...account });
    const issued = await this.credentials.issue(auth.tenantId, gatewayId, {
      userPublicKey: creds.userPublicKey,
      issuedBy: auth.userId,
    });
    if (!issued) {
      throw new AppError('NOT_FOUND', `gateway ${gatewayId} not found`);
    }
    return {
      gatewayId,
      userPublicKey: issued.userPublicKey,
      issuedAt: issued.issuedAt.toISOString(),
      inboxPrefix: gatewayInboxPrefix(gatewayId),
      revokedKeys: issued.revokedKeys,
      creds: creds.creds,
    };
  }
}

function toDto(g: GatewayAdminRow): GatewayDto {
  return {
    id: g.id,
    siteId: g.siteId,
    name: g.name,
    createdAt: g.createdAt.toISOString(),
    lastSeenAt: isoOrNull(g.lastSeenAt),
    credentialsIssuedAt: isoOrNull(g.credentialsIssuedAt),
  };
}
