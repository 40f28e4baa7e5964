import { Body, Controller, Delete, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type CreateGrantBody,
  createGrantBodySchema,
  type SupportGrantDto,
  supportGrantListSchema,
  supportGrantSchema,
} from './support-grants.dto.js';
import { SupportGrantsService } from './support-grants.service.js';

/** Support access to one site for a support desk, time-limited and revocable (docs/access.md). */
@ApiTags('support grants')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller()
export class SupportGrantsController {
  constructor(@Inject(SupportGrantsService) private readonly grants: SupportGrantsService) {}

  @Access(...SITE_MANAGERS)
  @Get('support-grants')
  @ApiOkResponse({
    description: 'Grants given by or to your organisation, newest first.',
    standardSchema: supportGrantListSchema,
  })
  list(@CurrentAuth() auth: AuthContext): Promise<SupportGrantDto[]> {
    return this.grants.list(auth);
  }

  @Access(...SITE_MANAGERS)
  @Post('sites/:id/support-grants')
  @ApiParam({ name: 'id', format: 'uuid', type: String, description: 'One of your organisation’s sites.' })
  @ApiBody({ schema: openApiSchema(createGrantBodySchema) })
  @ApiCreatedResponse({ description: 'The grant; active at once.', standardSchema: supportGrantSchema })
  @ApiNotFoundResponse({
    description: "No such site managed by the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: createGrantBodySchema }) body: CreateGrantBody,
  ): Promise<SupportGrantDto> {
    return this.grants.create(auth, id, body);
  }

  @Access(...SITE_MANAGERS)
  @Delete('support-grants/:id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'The revoked grant; access ends with this response.',
    standardSchema: supportGrantSchema,
  })
  @ApiNotFoundResponse({
    description: 'No such grant given by your organisation.',
    standardSchema: errorBodySchema,
  })
  revoke(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<SupportGrantDto> {
    return this.grants.revoke(auth, id);
  }
}
