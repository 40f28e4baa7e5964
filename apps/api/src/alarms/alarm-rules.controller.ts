import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { FIELD_ROLES, SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { type RuleSetBody, type RuleSetDto, ruleSetBodySchema, ruleSetSchema } from './alarm-rules.dto.js';
import { AlarmRulesService } from './alarm-rules.service.js';

const invalidRule = {
  description: 'An invalid rule; the message names layer, rule and field.',
  standardSchema: errorBodySchema,
};

/** Alarm rule overrides of the tenant and of one site. */
@ApiTags('alarm rules')
@Authenticated()
@Controller()
export class AlarmRulesController {
  constructor(@Inject(AlarmRulesService) private readonly rules: AlarmRulesService) {}

  @Access(...FIELD_ROLES)
  @Get('alarm-rules')
  @ApiOkResponse({ standardSchema: ruleSetSchema })
  getTenant(@CurrentAuth() auth: AuthContext): Promise<RuleSetDto> {
    return this.rules.get(auth.tenantId, null);
  }

  @Access(...SITE_MANAGERS)
  @Put('alarm-rules')
  @ApiBody({ schema: openApiSchema(ruleSetBodySchema) })
  @ApiOkResponse({ standardSchema: ruleSetSchema })
  @ApiBadRequestResponse(invalidRule)
  putTenant(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: ruleSetBodySchema }) body: RuleSetBody,
  ): Promise<RuleSetDto> {
    return this.rules.put(auth, null, body);
  }

  @Access(...FIELD_ROLES)
  @Get('sites/:id/alarm-rules')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ standardSchema: ruleSetSchema })
  @ApiNotFoundResponse({
    description: "No such site in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  getSite(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<RuleSetDto> {
    return this.rules.get(auth.tenantId, id);
  }

  @Access(...SITE_MANAGERS)
  @Put('sites/:id/alarm-rules')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(ruleSetBodySchema) })
  @ApiOkResponse({ standardSchema: ruleSetSchema })
  @ApiBadRequestResponse(invalidRule)
  @ApiNotFoundResponse({
    description: "No such site in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  putSite(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: ruleSetBodySchema }) body: RuleSetBody,
  ): Promise<RuleSetDto> {
    return this.rules.put(auth, id, body);
  }
}
