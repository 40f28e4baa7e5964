import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { FIELD_ROLES, READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { type GatewayIdParam, gatewayIdParamSchema } from './gateway-id-param.js';
import {
  type GatewayCredentialsDto,
  type GatewayDto,
  gatewayCredentialsSchema,
  gatewayListSchema,
  gatewaySchema,
  type RegisterGatewayBody,
  registerGatewayBodySchema,
} from './gateways.dto.js';
import { GatewaysService } from './gateways.service.js';

/** A site's gateways: list, register, and issue (rotate) their NATS credentials. */
@ApiTags('gateways')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller()
export class GatewaysController {
  constructor(@Inject(GatewaysService) private readonly gateways: GatewaysService) {}

  @Access(...READERS)
  @Get('sites/:id/gateways')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ description: "The site's gateways by id.", standardSchema: gatewayListSchema })
  @ApiNotFoundResponse({ description: 'No such site in your scope.', standardSchema: errorBodySchema })
  list(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<GatewayDto[]> {
    return this.gateways.list(auth.scope, id);
  }

  @Access(...FIELD_ROLES)
  @Post('sites/:id/gateways')
  @ApiParam({ name: 'id', format: 'uuid', type: String, description: 'One of your organisation’s sites.' })
  @ApiBody({ schema: openApiSchema(registerGatewayBodySchema) })
  @ApiCreatedResponse({ description: 'The registered gateway.', standardSchema: gatewaySchema })
  @ApiNotFoundResponse({
    description: "No such site managed by the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({
    description: 'The gateway id is already registered.',
    standardSchema: errorBodySchema,
  })
  register(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: registerGatewayBodySchema }) body: RegisterGatewayBody,
  ): Promise<GatewayDto> {
    return this.gateways.register(auth, id, body);
  }

  @Access(...FIELD_ROLES)
  @Post('gateways/:id/credentials')
  @HttpCode(201)
  @ApiParam({ name: 'id', type: String, description: 'The wire gatewayId.' })
  @ApiCreatedResponse({
    description: 'New NATS credentials; the previous ones are revoked. The `.creds` body is shown only here.',
    standardSchema: gatewayCredentialsSchema,
  })
  @ApiNotFoundResponse({
    description: "No such gateway managed by the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  @ApiServiceUnavailableResponse({
    description: 'No NATS account signing key is configured.',
    standardSchema: errorBodySchema,
  })
  issueCredentials(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: gatewayIdParamSchema }) { id }: GatewayIdParam,
  ): Promise<GatewayCredentialsDto> {
    return this.gateways.issueCredentials(auth, id);
  }
}
