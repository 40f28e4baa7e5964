import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { RateLimit } from '../auth/rate-limit/rate-limit.decorator.js';
import type { ApiRequest } from '../logging/api-request.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { HookSecretGuard } from './hook-secret.guard.js';
import {
  type ProvisioningCheckBody,
  type ProvisioningCheckResult,
  provisioningCheckBodySchema,
  provisioningCheckResultSchema,
} from './provisioning.dto.js';
import { ProvisioningService } from './provisioning.service.js';

/**
 * The AWS IoT pre-provisioning hook's question (infra/aws, issue 11). Not a user route: `@Public`
 * for the user AuthGuard, and HookSecretGuard demands the shared PROVISIONING_HOOK_SECRET instead.
 * The rate limiter's guard runs first, so it counts every attempt, wrong secrets included.
 */
@ApiTags('provisioning')
@Controller('provisioning')
export class ProvisioningController {
  constructor(@Inject(ProvisioningService) private readonly provisioning: ProvisioningService) {}

  @Public()
  // Above @RateLimit on purpose: decorators apply bottom-up, so the limiter's guard runs first.
  @UseGuards(HookSecretGuard)
  @RateLimit('provisioning', 'gatewayId')
  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'May AWS IoT Core provision this gateway? (pre-provisioning hook only)',
    description:
      'Called by the pre-provisioning Lambda of infra/aws with `Authorization: Bearer <PROVISIONING_HOOK_SECRET>`, not by users. Allows a registered gateway that an installer claimed and whose credentials were not revoked.',
  })
  @ApiBody({ schema: openApiSchema(provisioningCheckBodySchema) })
  @ApiOkResponse({
    description: 'The decision; anything but `allow: true` refuses.',
    standardSchema: provisioningCheckResultSchema,
  })
  @ApiBadRequestResponse({ description: 'The body is malformed.', standardSchema: errorBodySchema })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong hook secret.', standardSchema: errorBodySchema })
  @ApiServiceUnavailableResponse({
    description: 'PROVISIONING_HOOK_SECRET is not configured: the check is off.',
    standardSchema: errorBodySchema,
  })
  check(
    @Req() request: ApiRequest,
    @Body({ schema: provisioningCheckBodySchema }) body: ProvisioningCheckBody,
  ): Promise<ProvisioningCheckResult> {
    return this.provisioning.check(body, request.log);
  }
}
