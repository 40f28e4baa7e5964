import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS, SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type CreateSiteBody,
  createSiteBodySchema,
  type SiteDto,
  siteSchema,
  type UpdateSiteBody,
  updateSiteBodySchema,
} from './site-admin.dto.js';
import { SiteAdminService } from './site-admin.service.js';
import {
  type SiteDetailDto,
  type SiteListDto,
  type SiteListQuery,
  siteDetailSchema,
  siteListQuerySchema,
  siteListSchema,
} from './sites.dto.js';
import { SitesService } from './sites.service.js';

@ApiTags('sites')
@Authenticated()
@Controller('sites')
export class SitesController {
  constructor(
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(SiteAdminService) private readonly admin: SiteAdminService,
  ) {}

  @Access(...READERS)
  @Get()
  @ApiOkResponse({
    description:
      "The sites in the caller's scope with their strings, by name then id; pass nextCursor for the next page.",
    standardSchema: siteListSchema,
  })
  @ApiBadRequestResponse({
    description: 'A parameter is malformed, or the cursor is not one this API returned.',
    standardSchema: errorBodySchema,
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: siteListQuerySchema }) q: SiteListQuery,
  ): Promise<SiteListDto> {
    return this.sites.list(auth.scope, q);
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

  @Access(...SITE_MANAGERS)
  @Post()
  @ApiBody({ schema: openApiSchema(createSiteBodySchema) })
  @ApiCreatedResponse({
    description: "A new site managed by the caller's organisation.",
    standardSchema: siteSchema,
  })
  @ApiBadRequestResponse({ description: 'A field is malformed or unknown.', standardSchema: errorBodySchema })
  @ApiForbiddenResponse({ description: 'A support desk manages no sites.', standardSchema: errorBodySchema })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: createSiteBodySchema }) body: CreateSiteBody,
  ): Promise<SiteDto> {
    return this.admin.create(auth, body);
  }

  @Access(...SITE_MANAGERS)
  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(updateSiteBodySchema) })
  @ApiOkResponse({ description: 'The site after the change.', standardSchema: siteSchema })
  @ApiBadRequestResponse({ description: 'A field is malformed or unknown.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({
    description: "No such site managed by the caller's organisation (shared sites are not editable).",
    standardSchema: errorBodySchema,
  })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: updateSiteBodySchema }) body: UpdateSiteBody,
  ): Promise<SiteDto> {
    return this.admin.update(auth, id, body);
  }
}
