import {
  type AgentRollout,
  AgentRolloutRepository,
  GatewayUpdateRepository,
  RolloutConflictError,
  RolloutNotFoundError,
  type SiteGroup,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type {
  RolloutBody,
  RolloutDto,
  SiteGroupBody,
  SiteGroupDto,
  UpdateCheckQuery,
  UpdateCheckResult,
} from './rollouts.dto.js';
import { verifyUpdateProof } from './verify-update-proof.js';

/** Staged agent rollouts by site group (issue 11) and the gateway's question about them. */
@Injectable()
export class RolloutsService {
  constructor(
    @Inject(AgentRolloutRepository) private readonly rollouts: AgentRolloutRepository,
    @Inject(GatewayUpdateRepository) private readonly gateways: GatewayUpdateRepository,
  ) {}

  async listGroups(auth: AuthContext): Promise<SiteGroupDto[]> {
    return (await this.rollouts.listGroups(auth.tenantId)).map(groupDto);
  }

  async createGroup(auth: AuthContext, body: SiteGroupBody): Promise<SiteGroupDto> {
    return groupDto(await mapErrors(() => this.rollouts.createGroup(auth.tenantId, body)));
  }

  async list(auth: AuthContext): Promise<RolloutDto[]> {
    return (await this.rollouts.listRollouts(auth.tenantId)).map(rolloutDto);
  }

  async create(auth: AuthContext, body: RolloutBody): Promise<RolloutDto> {
    return rolloutDto(await mapErrors(() => this.rollouts.createRollout(auth.tenantId, auth.userId, body)));
  }

  async change(auth: AuthContext, id: string, action: 'advance' | 'pause' | 'resume'): Promise<RolloutDto> {
    const changed = await mapErrors(() => this.rollouts.change(auth.tenantId, id, action));
    if (changed === null) {
      throw new AppError('NOT_FOUND', 'no such rollout');
    }
    return rolloutDto(changed);
  }

  /**
   * One answer for an unknown gateway, a key that is not its active one and a bad signature, so
   * the route tells a stranger nothing about which gateways exist.
   */
  async check(gatewayId: string, query: UpdateCheckQuery, now = new Date()): Promise<UpdateCheckResult> {
    const proof = verifyUpdateProof(gatewayId, query, now);
    if (!proof.ok) {
      throw new AppError('UNAUTHENTICATED', proof.message);
    }
    if (!(await this.gateways.holdsActiveKey(gatewayId, query.publicKey))) {
      throw new AppError('UNAUTHENTICATED', 'publicKey is not an active credential of this gateway');
    }
    const offer = await this.gateways.offerFor(gatewayId);
    return { update: offer };
  }
}

async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RolloutNotFoundError) {
      throw new AppError('NOT_FOUND', error.message);
    }
    if (error instanceof RolloutConflictError) {
      throw new AppError('CONFLICT', error.message);
    }
    throw error;
  }
}

function groupDto(group: SiteGroup): SiteGroupDto {
  return { ...group, createdAt: group.createdAt.toISOString() };
}

function rolloutDto(rollout: AgentRollout): RolloutDto {
  return {
    ...rollout,
    createdAt: rollout.createdAt.toISOString(),
    updatedAt: rollout.updatedAt.toISOString(),
  };
}
