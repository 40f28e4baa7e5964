import { Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { FIELD_ROLES, SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type CommissioningRecordDto,
  type CommissioningStatusDto,
  commissioningRecordSchema,
  commissioningStatusSchema,
} from './commissioning.dto.js';
import { CommissioningService } from './commissioning.service.js';

const NOT_FOUND = { description: "No such site in the caller's scope.", standardSchema: errorBodySchema };

/** A site's commissioning checklist (issue 10): read by the field roles, completed by installers and admins. */
@ApiTags('commissioning')
@Authenticated()
@Controller('sites/:id/commissioning')
export class CommissioningController {
  constructor(@Inject(CommissioningService) private readonly commissioning: CommissioningService) {}

  @Access(...FIELD_ROLES)
  @Get()
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Every checklist item judged from the data now, and the stored record once completed.',
    standardSchema: commissioningStatusSchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  status(@Param({ schema: idParamSchema }) { id }: IdParam): Promise<CommissioningStatusDto> {
    return this.commissioning.status(id);
  }

  @Access(...SITE_MANAGERS)
  @Post('complete')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiCreatedResponse({
    description: 'The stored commissioning record: the checklist with its times, the installer, the serials.',
    standardSchema: commissioningRecordSchema,
  })
  @ApiConflictResponse({
    description: 'An item has not passed (the message names it), or the site is already commissioned.',
    standardSchema: errorBodySchema,
  })
  @ApiNotFoundResponse(NOT_FOUND)
  complete(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<CommissioningRecordDto> {
    return this.commissioning.complete(auth, id);
  }
}
