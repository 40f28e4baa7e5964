import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { FIELD_ROLES, READERS, SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { CommissioningService } from './commissioning.service.js';
import { WarrantyService } from './warranty.service.js';
import {
  type CommissioningBody,
  type CommissioningDto,
  commissioningBodySchema,
  commissioningSchema,
  type SiteRegionBody,
  type SiteRegionDto,
  siteRegionBodySchema,
  siteRegionSchema,
  type WarrantyQuery,
  type WarrantyStatusDto,
  warrantyQuerySchema,
  warrantyStatusSchema,
} from './warranty-status.dto.js';

const BAD = { description: 'A bad id, field or query parameter.', standardSchema: errorBodySchema };

/** A string's warranty status and install record, a site's warranty region (issue 9). */
@ApiTags('warranty')
@Authenticated()
@ApiBadRequestResponse(BAD)
@Controller()
export class StringWarrantyController {
  constructor(
    @Inject(WarrantyService) private readonly warranty: WarrantyService,
    @Inject(CommissioningService) private readonly commissioning: CommissioningService,
  ) {}

  @Access(...READERS)
  @Get('strings/:id/warranty')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Time, throughput and SOH against the terms, projected dates and excursions (paged).',
    standardSchema: warrantyStatusSchema,
  })
  @ApiNotFoundResponse({
    description: "No such string in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  status(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: warrantyQuerySchema }) q: WarrantyQuery,
  ): Promise<WarrantyStatusDto> {
    return this.warranty.statusFor(auth.scope, id, q);
  }

  @Access(...FIELD_ROLES)
  @Put('strings/:id/commissioning')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(commissioningBodySchema) })
  @ApiOkResponse({ description: 'The install record after the change.', standardSchema: commissioningSchema })
  @ApiNotFoundResponse({
    description: "No such string of the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  setCommissioning(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: commissioningBodySchema }) body: CommissioningBody,
  ): Promise<CommissioningDto> {
    return this.commissioning.setCommissioning(auth, id, body);
  }

  @Access(...SITE_MANAGERS)
  @Put('sites/:id/warranty-region')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(siteRegionBodySchema) })
  @ApiOkResponse({ description: 'The site’s warranty region.', standardSchema: siteRegionSchema })
  @ApiNotFoundResponse({
    description: "No such site of the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  setSiteRegion(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: siteRegionBodySchema }) body: SiteRegionBody,
  ): Promise<SiteRegionDto> {
    return this.commissioning.setSiteRegion(auth, id, body);
  }
}
