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
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { type StringCellsDto, stringCellsSchema } from './cells.dto.js';
import { CellsService } from './cells.service.js';

/** The newest cell snapshot of a string, for the site view's heatmap. */
@ApiTags('strings')
@Authenticated()
@Controller('strings')
export class CellsController {
  constructor(@Inject(CellsService) private readonly cells: CellsService) {}

  @Access(...READERS)
  @Get(':id/cells')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Every cell of the newest snapshot, with the outliers of the median/MAD rule.',
    standardSchema: stringCellsSchema,
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({
    description: "No such string in the caller's scope, or no cell snapshot of it yet.",
    standardSchema: errorBodySchema,
  })
  latest(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<StringCellsDto> {
    return this.cells.latest(auth.scope, id);
  }
}
