import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import { FIELD_ROLES } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type MaintenanceWindowBody,
  type MaintenanceWindowDto,
  type MaintenanceWindowListQuery,
  type MaintenanceWindowUpdate,
  maintenanceWindowBodySchema,
  maintenanceWindowListQuerySchema,
  maintenanceWindowSchema,
  maintenanceWindowUpdateSchema,
} from './maintenance-windows.dto.js';
import { MaintenanceWindowsService } from './maintenance-windows.service.js';

const notFound = {
  description: "No such window (or site) in the caller's tenant.",
  standardSchema: errorBodySchema,
};

/** Maintenance windows: alarms during one are recorded but not notified. */
@ApiTags('alarms')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller('maintenance-windows')
export class MaintenanceWindowsController {
  constructor(@Inject(MaintenanceWindowsService) private readonly windows: MaintenanceWindowsService) {}

  @Access(...FIELD_ROLES)
  @Get()
  @ApiOkResponse({ standardSchema: z.array(maintenanceWindowSchema) })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: maintenanceWindowListQuerySchema }) q: MaintenanceWindowListQuery,
  ): Promise<MaintenanceWindowDto[]> {
    return this.windows.list(auth.tenantId, q);
  }

  @Access(...FIELD_ROLES)
  @Post()
  @ApiBody({ schema: openApiSchema(maintenanceWindowBodySchema) })
  @ApiOkResponse({ standardSchema: maintenanceWindowSchema })
  @ApiNotFoundResponse(notFound)
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: maintenanceWindowBodySchema }) body: MaintenanceWindowBody,
  ): Promise<MaintenanceWindowDto> {
    return this.windows.create(auth, body);
  }

  @Access(...FIELD_ROLES)
  @Put(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(maintenanceWindowUpdateSchema) })
  @ApiOkResponse({ standardSchema: maintenanceWindowSchema })
  @ApiNotFoundResponse(notFound)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: maintenanceWindowUpdateSchema }) body: MaintenanceWindowUpdate,
  ): Promise<MaintenanceWindowDto> {
    return this.windows.update(auth, id, body);
  }

  @Access(...FIELD_ROLES)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse(notFound)
  remove(@CurrentAuth() auth: AuthContext, @Param({ schema: idParamSchema }) { id }: IdParam): Promise<void> {
    return this.windows.remove(auth, id);
  }
}
