import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { ALARM_HANDLERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type SavedViewBody,
  type SavedViewDto,
  savedViewBodySchema,
  savedViewListSchema,
  savedViewSchema,
} from './saved-views.dto.js';
import { SavedViewsService } from './saved-views.service.js';

// The fleet view's people (installers, technicians, support desks, org admins): everyone but
// owners, who have no organisation scope for organisation-level rows (and no fleet view).
const FLEET_WORKERS = ALARM_HANDLERS;

/** Named fleet-view queries of the signed-in member (issue 9); each member sees only its own. */
@ApiTags('fleet')
@Authenticated()
@Controller('saved-views')
export class SavedViewsController {
  constructor(@Inject(SavedViewsService) private readonly views: SavedViewsService) {}

  @Access(...FLEET_WORKERS)
  @Get()
  @ApiOkResponse({ description: 'Your saved views by name.', standardSchema: savedViewListSchema })
  list(@CurrentAuth() auth: AuthContext): Promise<SavedViewDto[]> {
    return this.views.list(auth);
  }

  @Access(...FLEET_WORKERS)
  @Post()
  @ApiBody({ schema: openApiSchema(savedViewBodySchema) })
  @ApiCreatedResponse({
    description: 'The saved view (new, or the one of that name replaced).',
    standardSchema: savedViewSchema,
  })
  @ApiBadRequestResponse({
    description: 'A name or query that does not fit.',
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({
    description: 'You already keep the most saved views (50).',
    standardSchema: errorBodySchema,
  })
  save(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: savedViewBodySchema }) body: SavedViewBody,
  ): Promise<SavedViewDto> {
    return this.views.save(auth, body);
  }

  @Access(...FLEET_WORKERS)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
  @ApiNotFoundResponse({ description: 'No such view of yours.', standardSchema: errorBodySchema })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<void> {
    await this.views.delete(auth, id);
  }
}
