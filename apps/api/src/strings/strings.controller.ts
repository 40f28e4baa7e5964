import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type LatestPackSampleDto,
  latestPackSampleSchema,
  type StringDetailDto,
  stringDetailSchema,
} from './strings.dto.js';
import { StringsService } from './strings.service.js';

@ApiTags('strings')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema })
@ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
@Controller('strings')
export class StringsController {
  constructor(@Inject(StringsService) private readonly strings: StringsService) {}

  @Access(...READERS)
  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ description: 'The string with its site.', standardSchema: stringDetailSchema })
  @ApiNotFoundResponse({
    description: "No such string in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  detail(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<StringDetailDto> {
    return this.strings.detail(auth.scope, id);
  }

  @Access(...READERS)
  @Get(':id/latest')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'The newest pack sample of the string.',
    standardSchema: latestPackSampleSchema,
  })
  @ApiNotFoundResponse({
    description: "No such string in the caller's tenant, or no sample yet (indistinguishable on purpose).",
    standardSchema: errorBodySchema,
  })
  latest(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<LatestPackSampleDto> {
    return this.strings.latest(auth.scope, id);
  }
}
