import { GatewayProvisioningRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ProvisioningCheckBody, ProvisioningCheckResult } from './provisioning.dto.js';

const REASONS = { unknown: 'unknown-gateway', unclaimed: 'unclaimed', revoked: 'revoked' } as const;

/**
 * Decides whether AWS IoT Core may give a certificate to a device calling itself `gatewayId`
 * (issue 11): only a gateway an installer claimed and whose credentials nobody revoked.
 */
@Injectable()
export class ProvisioningService {
  constructor(
    @Inject(GatewayProvisioningRepository) private readonly gateways: GatewayProvisioningRepository,
  ) {}

  /**
   * Every decision is an audit line (`provisioning decision`) on the request's logger, allow or
   * deny: the audit_event table records users' requests, and this caller is no user.
   */
  async check(body: ProvisioningCheckBody, log: Logger): Promise<ProvisioningCheckResult> {
    const status = await this.gateways.statusOf(body.gatewayId);
    const result: ProvisioningCheckResult =
      status.state === 'allowed'
        ? { allow: true, gatewayId: body.gatewayId }
        : { allow: false, reason: REASONS[status.state] };
    log.info(
      {
        audit: 'provisioning',
        gatewayId: body.gatewayId,
        certificateId: body.certificateId ?? null,
        tenantId: status.tenantId,
        siteId: status.siteId,
        allow: result.allow,
        ...(result.allow ? {} : { reason: result.reason }),
      },
      'provisioning decision',
    );
    return result;
  }
}
