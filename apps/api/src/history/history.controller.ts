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
  type EventListQuery,
  type EventPageDto,
  eventListQuerySchema,
  eventPageSchema,
  type GapQuery,
  type GapReportDto,
  gapQuerySchema,
  gapReportSchema,
  type ModuleListDto,
  moduleListSchema,
} from './history.dto.js';
import { HistoryService } from './history.service.js';

const NOT_FOUND = { description: "No such string in the caller's scope.", standardSchema: errorBodySchema };

/** What a string is made of and what happened to it (issue 6): modules, BMS events, gaps. */
@ApiTags('strings')
@Authenticated()
@ApiBadRequestResponse({ description: 'A bad id or query parameter.', standardSchema: errorBodySchema })
@Controller('strings')
export class HistoryController {
  constructor(@Inject(HistoryService) private readonly history: HistoryService) {}

  @Access(...READERS)
  @Get(':id/modules')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Modules by rack position, with the ones replaced or removed.',
    standardSchema: moduleListSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  modules(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<ModuleListDto> {
    return this.history.modulesOf(auth.scope, id);
  }

  @Access(...READERS)
  @Get(':id/events')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: "The string's BMS events, newest first, cursor paged.",
    standardSchema: eventPageSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  events(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: eventListQuerySchema }) q: EventListQuery,
  ): Promise<EventPageDto> {
    return this.history.eventsOf(auth.scope, id, q);
  }

  @Access(...READERS)
  @Get(':id/gaps')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Data gaps and connectivity changes over [from, to).',
    standardSchema: gapReportSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  gaps(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: gapQuerySchema }) q: GapQuery,
  ): Promise<GapReportDto> {
    return this.history.gapsOf(auth.scope, id, q);
  }
}
