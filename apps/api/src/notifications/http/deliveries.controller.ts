import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../access/access.decorator.js';
import { FIELD_ROLES } from '../../access/roles.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../../common/id-param.js';
import type { AuthContext } from '../../logging/api-request.js';
import { Authenticated } from '../../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../../openapi/error-body.schema.js';
import { type DeliveryDto, deliveryListSchema } from './deliveries.dto.js';
import { DeliveriesService } from './deliveries.service.js';

@ApiTags('notifications')
@Authenticated()
@Controller('alarms')
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Access(...FIELD_ROLES)
  @Get(':id/deliveries')
  @ApiParam({ name: 'id', format: 'uuid', type: String, description: 'Alarm id.' })
  @ApiOkResponse({
    description: "Every notice of the alarm in the caller's organisation, by transition, with each attempt.",
    standardSchema: deliveryListSchema,
  })
  @ApiNotFoundResponse({
    description: "No such alarm in the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  @ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
  list(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<DeliveryDto[]> {
    return this.deliveries.listForAlarm(auth.tenantId, id);
  }
}
