import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type FleetPageDto,
  type FleetQuery,
  type FleetSitesDto,
  fleetPageSchema,
  fleetQuerySchema,
  fleetSitesSchema,
} from './fleet.dto.js';
import { FleetService } from './fleet.service.js';

@ApiTags('fleet')
@Authenticated()
@Controller('fleet')
export class FleetController {
  constructor(@Inject(FleetService) private readonly fleet: FleetService) {}

  @Access(...READERS)
  @Get()
  @ApiOkResponse({
    description:
      'One page of the strings in your scope matching the query, with the total; keyset-paged per sort.',
    standardSchema: fleetPageSchema,
  })
  @ApiBadRequestResponse({
    description: 'A bad query, or a cursor this list did not hand out (or from another sort or direction).',
    standardSchema: errorBodySchema,
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: fleetQuerySchema }) q: FleetQuery,
  ): Promise<FleetPageDto> {
    return this.fleet.page(auth.scope, q);
  }

  @Access(...READERS)
  @Get('sites')
  @ApiOkResponse({
    description: 'The sites in your scope by name, for the map: coordinates, string count, worst open alarm.',
    standardSchema: fleetSitesSchema,
  })
  sites(@CurrentAuth() auth: AuthContext): Promise<FleetSitesDto> {
    return this.fleet.sites(auth.scope);
  }
}
