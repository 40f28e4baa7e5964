import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type SiteEnergyDto,
  type SiteEnergyQuery,
  siteEnergyQuerySchema,
  siteEnergySchema,
} from './site-energy.dto.js';
import { SiteEnergyService } from './site-energy.service.js';

/** The energy flow of a site's day (site view). */
@ApiTags('sites')
@Authenticated()
@Controller('sites')
export class SiteEnergyController {
  constructor(@Inject(SiteEnergyService) private readonly energy: SiteEnergyService) {}

  @Access(...READERS)
  @Get(':id/energy')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: "Charged and discharged kWh per hour of the site's local day, summed over its strings.",
    standardSchema: siteEnergySchema,
  })
  @ApiBadRequestResponse({ description: 'A bad id or date.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({
    description: "No such site in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  day(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: siteEnergyQuerySchema }) q: SiteEnergyQuery,
  ): Promise<SiteEnergyDto> {
    return this.energy.day(auth.scope, id, q.date);
  }
}
