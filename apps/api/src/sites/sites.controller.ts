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
import { type SiteDetailDto, type SiteSummaryDto, siteDetailSchema, siteListSchema } from './sites.dto.js';
import { SitesService } from './sites.service.js';

@ApiTags('sites')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema })
@Controller('sites')
export class SitesController {
  constructor(@Inject(SitesService) private readonly sites: SitesService) {}

  @Access(...READERS)
  @Get()
  @ApiOkResponse({
    description: "The caller's tenant's sites with their strings.",
    standardSchema: siteListSchema,
  })
  list(@CurrentAuth() auth: AuthContext): Promise<SiteSummaryDto[]> {
    return this.sites.list(auth.scope);
  }

  @Access(...READERS)
  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ standardSchema: siteDetailSchema })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({
    description: "No such site in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  detail(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<SiteDetailDto> {
    return this.sites.detail(auth.scope, id);
  }
}
