import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { RateLimit } from '../auth/rate-limit/rate-limit.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import { type GatewayDto, gatewaySchema } from '../gateways/gateways.dto.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type ClaimGatewayBody,
  claimGatewayBodySchema,
  type EnrolmentPollBody,
  type EnrolmentPollResult,
  enrolmentPollBodySchema,
  enrolmentPollResultSchema,
} from './claims.dto.js';
import { ClaimsService } from './claims.service.js';

/** Onboarding (issue 10): an installer claims a gateway by its code; the gateway fetches its credentials. */
@ApiTags('claims')
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller()
export class ClaimsController {
  constructor(@Inject(ClaimsService) private readonly claims: ClaimsService) {}

  @Authenticated()
  @Access(...SITE_MANAGERS)
  @Post('sites/:id/claims')
  @ApiParam({ name: 'id', format: 'uuid', type: String, description: 'One of your organisation’s sites.' })
  @ApiBody({ schema: openApiSchema(claimGatewayBodySchema) })
  @ApiCreatedResponse({
    description: 'The claimed gateway (id `gw-<code>`); it fetches its credentials itself.',
    standardSchema: gatewaySchema,
  })
  @ApiNotFoundResponse({
    description: "No such site managed by the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The code is already claimed.', standardSchema: errorBodySchema })
  claim(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: claimGatewayBodySchema }) body: ClaimGatewayBody,
  ): Promise<GatewayDto> {
    return this.claims.claim(auth, id, body);
  }

  @Public()
  @RateLimit('enrolment', 'publicKey')
  @Post('enrolment/poll')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(enrolmentPollBodySchema) })
  @ApiOkResponse({
    description: 'Whether the code is claimed; once it is, the user JWT for the polling key.',
    standardSchema: enrolmentPollResultSchema,
  })
  @ApiForbiddenResponse({
    description: "This key's credentials were revoked.",
    standardSchema: errorBodySchema,
  })
  @ApiServiceUnavailableResponse({
    description: 'No NATS account signing key is configured.',
    standardSchema: errorBodySchema,
  })
  poll(@Body({ schema: enrolmentPollBodySchema }) body: EnrolmentPollBody): Promise<EnrolmentPollResult> {
    return this.claims.poll(body);
  }
}
