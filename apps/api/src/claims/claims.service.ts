import { GatewayClaimRepository } from '@fleet/db';
import { gatewayIdOfClaimCode, parseClaimCode } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { gatewayInboxPrefix } from '../gateways/gateway-permissions.js';
import type { GatewayDto } from '../gateways/gateways.dto.js';
import { gatewayUserJwt } from '../gateways/issue-gateway-creds.js';
import type { AuthContext } from '../logging/api-request.js';
import type { ClaimGatewayBody, EnrolmentPollBody, EnrolmentPollResult } from './claims.dto.js';
import { verifyEnrolmentProof } from './verify-enrolment-proof.js';

/** The system-pool repository of the unauthenticated enrolment poll (no caller scope exists). */
export const ENROLMENT_CLAIMS = Symbol('ENROLMENT_CLAIMS');

/** Claiming a gateway by its code, and the gateway fetching the credentials the claim grants (issue 10). */
@Injectable()
export class ClaimsService {
  constructor(
    @Inject(GatewayClaimRepository) private readonly claims: GatewayClaimRepository,
    @Inject(ENROLMENT_CLAIMS) private readonly enrolment: GatewayClaimRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async claim(auth: AuthContext, siteId: string, body: ClaimGatewayBody): Promise<GatewayDto> {
    const parsed = parseClaimCode(body.code);
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', `code: ${parsed.message}`);
    }
    const result = await this.claims.claim(auth.tenantId, siteId, {
      code: parsed.code,
      gatewayId: gatewayIdOfClaimCode(parsed.code),
      name: body.name,
      claimedBy: auth.userId,
    });
    if (!result.ok) {
      throw result.reason === 'site-not-found'
        ? new AppError('NOT_FOUND', `site ${siteId} not found`)
        : new AppError('CONFLICT', `code: gateway ${parsed.code} is already claimed`);
    }
    const g = result.gateway;
    return {
      id: g.id,
      siteId: g.siteId,
      name: g.name,
      createdAt: g.createdAt.toISOString(),
      lastSeenAt: isoOrNull(g.lastSeenAt),
      credentialsIssuedAt: null,
    };
  }

  /**
   * A gateway asks whether it was claimed. Once it is, its own key is recorded as its credential
   * and it receives the user JWT for that key. A key that was revoked (or replaced by a rotation)
   * gets nothing: revocation is final for a key, and the gateway must be claimed anew.
   */
  async poll(body: EnrolmentPollBody, now = new Date()): Promise<EnrolmentPollResult> {
    const proof = verifyEnrolmentProof(body, now);
    if (!proof.ok) {
      throw new AppError('VALIDATION_FAILED', `${proof.field}: ${proof.message}`);
    }
    const gateway = await this.enrolment.findByCode(proof.code, body.publicKey);
    if (!gateway) {
      return { status: 'unclaimed' };
    }
    const account = this.config.natsAccount;
    if (!account) {
      throw new AppError('NOT_CONFIGURED', 'gateway credentials need NATS_ACCOUNT_SIGNING_SEED');
    }
    const usable =
      gateway.key === 'active' ||
      (gateway.key === 'none' &&
        !gateway.otherKeyActive &&
        (await this.enrolment.recordKey(gateway, body.publicKey)));
    if (!usable) {
      throw new AppError('FORBIDDEN', `gateway ${gateway.gatewayId}: this key's credentials are revoked`);
    }
    const jwt = await gatewayUserJwt({
      gatewayId: gateway.gatewayId,
      userPublicKey: body.publicKey,
      ...account,
    });
    return {
      status: 'claimed',
      gatewayId: gateway.gatewayId,
      jwt,
      inboxPrefix: gatewayInboxPrefix(gateway.gatewayId),
    };
  }
}
