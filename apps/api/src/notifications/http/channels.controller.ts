import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../access/access.decorator.js';
import { SITE_MANAGERS } from '../../access/roles.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../../common/id-param.js';
import type { AuthContext } from '../../logging/api-request.js';
import { Authenticated } from '../../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../../openapi/error-body.schema.js';
import { openApiSchema } from '../../openapi/openapi-schema.js';
import {
  type ChannelDto,
  type CreateChannelBody,
  type CreatedChannelDto,
  channelListSchema,
  channelSchema,
  createChannelBodySchema,
  createdChannelSchema,
  type TestResultDto,
  testResultSchema,
  type UpdateChannelBody,
  updateChannelBodySchema,
} from './channels.dto.js';
import { ChannelsService } from './channels.service.js';

const notFound = { description: "No such channel in the caller's tenant.", standardSchema: errorBodySchema };

@ApiTags('notifications')
@Authenticated()
@Controller('notification-channels')
export class ChannelsController {
  constructor(@Inject(ChannelsService) private readonly channels: ChannelsService) {}

  @Access(...SITE_MANAGERS)
  @Get()
  @ApiOkResponse({
    description: "The tenant's channels (never a webhook secret).",
    standardSchema: channelListSchema,
  })
  list(@CurrentAuth() auth: AuthContext): Promise<ChannelDto[]> {
    return this.channels.list(auth.tenantId);
  }

  @Access(...SITE_MANAGERS)
  @Post()
  @ApiBody({ schema: openApiSchema(createChannelBodySchema) })
  @ApiCreatedResponse({
    description: 'A webhook channel comes with its signing secret, in this response only.',
    standardSchema: createdChannelSchema,
  })
  @ApiBadRequestResponse({
    description: 'A field is missing, malformed or unknown.',
    standardSchema: errorBodySchema,
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: createChannelBodySchema }) body: CreateChannelBody,
  ): Promise<CreatedChannelDto> {
    return this.channels.create(auth.tenantId, body);
  }

  @Access(...SITE_MANAGERS)
  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ standardSchema: channelSchema })
  @ApiNotFoundResponse(notFound)
  get(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<ChannelDto> {
    return this.channels.get(auth.tenantId, id);
  }

  @Access(...SITE_MANAGERS)
  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(updateChannelBodySchema) })
  @ApiOkResponse({ standardSchema: channelSchema })
  @ApiBadRequestResponse({
    description: 'A field is malformed or not an option of this kind.',
    standardSchema: errorBodySchema,
  })
  @ApiNotFoundResponse(notFound)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: updateChannelBodySchema }) body: UpdateChannelBody,
  ): Promise<ChannelDto> {
    return this.channels.update(auth.tenantId, id, body);
  }

  @Access(...SITE_MANAGERS)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Deleted, with its pending deliveries.' })
  @ApiNotFoundResponse(notFound)
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<void> {
    await this.channels.remove(auth.tenantId, id);
  }

  @Access(...SITE_MANAGERS)
  @Post(':id/test')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'One result per recipient of a synthetic `test.notification` sent right now.',
    standardSchema: testResultSchema,
  })
  @ApiBadRequestResponse({
    description: 'The channel has nobody to send to.',
    standardSchema: errorBodySchema,
  })
  @ApiNotFoundResponse(notFound)
  test(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<TestResultDto> {
    return this.channels.test(auth.tenantId, auth.userId, id);
  }
}
