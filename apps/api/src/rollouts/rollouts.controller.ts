import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ORG_ADMINS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import { type GatewayIdParam, gatewayIdParamSchema } from '../gateways/gateway-id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type RolloutBody,
  type RolloutDto,
  rolloutBodySchema,
  rolloutListSchema,
  rolloutSchema,
  type SiteGroupBody,
  type SiteGroupDto,
  siteGroupBodySchema,
  siteGroupListSchema,
  siteGroupSchema,
  type UpdateCheckQuery,
  type UpdateCheckResult,
  updateCheckQuerySchema,
  updateCheckResultSchema,
} from './rollouts.dto.js';
import { RolloutsService } from './rollouts.service.js';

const ROLLOUT_ID = {
  name: 'id',
  format: 'uuid',
  type: String,
  description: 'One of your organisation’s rollouts.',
};

/** Site groups and staged agent rollouts (issue 11): organisation admins only. */
@ApiTags('rollouts')
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller()
export class RolloutsController {
  constructor(@Inject(RolloutsService) private readonly rollouts: RolloutsService) {}

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Get('site-groups')
  @ApiOkResponse({
    description: 'Your organisation’s site groups by name.',
    standardSchema: siteGroupListSchema,
  })
  listGroups(@CurrentAuth() auth: AuthContext): Promise<SiteGroupDto[]> {
    return this.rollouts.listGroups(auth);
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Post('site-groups')
  @ApiBody({ schema: openApiSchema(siteGroupBodySchema) })
  @ApiCreatedResponse({ description: 'The new group.', standardSchema: siteGroupSchema })
  @ApiNotFoundResponse({
    description: 'A site that is not your organisation’s.',
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'A group of that name exists.', standardSchema: errorBodySchema })
  createGroup(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: siteGroupBodySchema }) body: SiteGroupBody,
  ): Promise<SiteGroupDto> {
    return this.rollouts.createGroup(auth, body);
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Get('rollouts')
  @ApiOkResponse({
    description: 'Your organisation’s rollouts, newest first.',
    standardSchema: rolloutListSchema,
  })
  list(@CurrentAuth() auth: AuthContext): Promise<RolloutDto[]> {
    return this.rollouts.list(auth);
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Post('rollouts')
  @ApiBody({ schema: openApiSchema(rolloutBodySchema) })
  @ApiCreatedResponse({
    description: 'The rollout, active with stage 1 open.',
    standardSchema: rolloutSchema,
  })
  @ApiNotFoundResponse({
    description: 'A site group that is not your organisation’s.',
    standardSchema: errorBodySchema,
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: rolloutBodySchema }) body: RolloutBody,
  ): Promise<RolloutDto> {
    return this.rollouts.create(auth, body);
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Post('rollouts/:id/advance')
  @HttpCode(200)
  @ApiParam(ROLLOUT_ID)
  @ApiOkResponse({ description: 'The rollout with its next stage open.', standardSchema: rolloutSchema })
  @ApiNotFoundResponse({ description: 'No such rollout of yours.', standardSchema: errorBodySchema })
  @ApiConflictResponse({ description: 'Every stage is already open.', standardSchema: errorBodySchema })
  advance(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<RolloutDto> {
    return this.rollouts.change(auth, id, 'advance');
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Post('rollouts/:id/pause')
  @HttpCode(200)
  @ApiParam(ROLLOUT_ID)
  @ApiOkResponse({
    description: 'The rollout, offered to no gateway until resumed.',
    standardSchema: rolloutSchema,
  })
  @ApiNotFoundResponse({ description: 'No such rollout of yours.', standardSchema: errorBodySchema })
  pause(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<RolloutDto> {
    return this.rollouts.change(auth, id, 'pause');
  }

  @Authenticated()
  @Access(...ORG_ADMINS)
  @Post('rollouts/:id/resume')
  @HttpCode(200)
  @ApiParam(ROLLOUT_ID)
  @ApiOkResponse({
    description: 'The rollout, offered to its open stages again.',
    standardSchema: rolloutSchema,
  })
  @ApiNotFoundResponse({ description: 'No such rollout of yours.', standardSchema: errorBodySchema })
  resume(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<RolloutDto> {
    return this.rollouts.change(auth, id, 'resume');
  }

  @Public()
  @Get('gateways/:id/update')
  @ApiOperation({
    summary: 'Is an agent update offered to this gateway? (the gateway itself)',
    description:
      'Asked by the gateway, not by users: authenticated by a signature with its active NATS user key (the one it enrolled with). Answers the signed manifest URL only while a rollout stage holding the gateway’s site is open.',
  })
  @ApiParam({ name: 'id', type: String, description: 'The gateway’s wire id.' })
  @ApiOkResponse({ description: 'The offer, or `update: null`.', standardSchema: updateCheckResultSchema })
  @ApiUnauthorizedResponse({
    description: 'The proof does not verify, is stale, or the key is not this gateway’s active one.',
    standardSchema: errorBodySchema,
  })
  check(
    @Param({ schema: gatewayIdParamSchema }) { id }: GatewayIdParam,
    @Query({ schema: updateCheckQuerySchema }) query: UpdateCheckQuery,
  ): Promise<UpdateCheckResult> {
    return this.rollouts.check(id, query);
  }
}
