import type { AlarmLanguage } from '@fleet/alarms';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { LocalizedAlarmTexts, RequestLanguage } from '../alarms/alarm-language.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type FleetFindingsDto,
  fleetFindingsSchema,
  type StringFindingsDto,
  stringFindingsSchema,
} from './findings.dto.js';
import { FindingsService } from './findings.service.js';

/** The OpenAPI header's words for what follows Accept-Language here. */
const FINDING_TEXTS = "findings' explanations";

/**
 * Fleet intelligence (issue 10): the early warnings for the fleet page and for one string. Each
 * explanation is rendered in the caller's language (Accept-Language, as the alarm routes).
 */
@ApiTags('findings')
@Authenticated()
@Controller()
export class FindingsController {
  constructor(@Inject(FindingsService) private readonly findings: FindingsService) {}

  @Access(...READERS)
  @Get('fleet/findings')
  @LocalizedAlarmTexts(FINDING_TEXTS)
  @ApiOkResponse({
    description: 'Early warnings of the last daily fleet analysis for the strings in your scope.',
    standardSchema: fleetFindingsSchema,
  })
  fleet(@CurrentAuth() auth: AuthContext, @RequestLanguage() lang: AlarmLanguage): Promise<FleetFindingsDto> {
    return this.findings.fleet(auth.scope, lang);
  }

  @Access(...READERS)
  @Get('strings/:id/findings')
  @LocalizedAlarmTexts(FINDING_TEXTS)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: "The string's early warnings with a year of the daily values their charts show.",
    standardSchema: stringFindingsSchema,
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({
    description: "No such string in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  ofString(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @RequestLanguage() lang: AlarmLanguage,
  ): Promise<StringFindingsDto> {
    return this.findings.ofString(auth.scope, id, lang);
  }
}
