import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../access/access.decorator.js';
import { READERS } from '../../access/roles.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import type { NotifyConfig } from '../../config/notify-config.js';
import type { AuthContext } from '../../logging/api-request.js';
import { Authenticated } from '../../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../../openapi/error-body.schema.js';
import { openApiSchema } from '../../openapi/openapi-schema.js';
import { NOTIFY_CONFIG } from '../notifications.tokens.js';
import {
  type PreferencesDto,
  preferencesSchema,
  type SubscribeBody,
  subscribeBodySchema,
  type UnsubscribeQuery,
  unsubscribeQuerySchema,
  vapidKeySchema,
} from './preferences.dto.js';
import { PreferencesService } from './preferences.service.js';

@ApiTags('notifications')
@Authenticated()
@Controller('me')
export class PreferencesController {
  constructor(
    @Inject(PreferencesService) private readonly preferences: PreferencesService,
    @Inject(NOTIFY_CONFIG) private readonly config: NotifyConfig,
  ) {}

  @Access(...READERS)
  @Get('notification-preferences')
  @ApiOkResponse({
    description: "The caller's preferences (defaults until saved).",
    standardSchema: preferencesSchema,
  })
  get(@CurrentAuth() auth: AuthContext): Promise<PreferencesDto> {
    return this.preferences.get(auth.userId);
  }

  @Access(...READERS)
  @Put('notification-preferences')
  @ApiBody({ schema: openApiSchema(preferencesSchema) })
  @ApiOkResponse({ standardSchema: preferencesSchema })
  @ApiBadRequestResponse({
    description: 'A field is malformed, or a channel is not in the tenant.',
    standardSchema: errorBodySchema,
  })
  put(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: preferencesSchema }) body: PreferencesDto,
  ): Promise<PreferencesDto> {
    return this.preferences.put(auth.tenantId, auth.userId, body);
  }

  @Access(...READERS)
  @Get('webpush-key')
  @ApiOkResponse({
    description: 'The key a browser passes to pushManager.subscribe().',
    standardSchema: vapidKeySchema,
  })
  vapidKey(): { publicKey: string | null } {
    return { publicKey: this.config.vapid?.publicKey ?? null };
  }

  @Access(...READERS)
  @Post('webpush-subscriptions')
  @ApiBody({ schema: openApiSchema(subscribeBodySchema) })
  @ApiCreatedResponse({ description: 'The browser subscription is stored for the caller.' })
  @ApiBadRequestResponse({ description: 'Not a PushSubscription JSON.', standardSchema: errorBodySchema })
  subscribe(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: subscribeBodySchema }) body: SubscribeBody,
  ): Promise<{ id: string }> {
    return this.preferences.subscribe(auth.userId, body);
  }

  @Access(...READERS)
  @Delete('webpush-subscriptions')
  @HttpCode(204)
  @ApiQuery({ name: 'endpoint', type: String, description: 'The subscription endpoint URL.' })
  @ApiNoContentResponse({ description: 'Forgotten.' })
  @ApiNotFoundResponse({
    description: 'The caller has no subscription with that endpoint.',
    standardSchema: errorBodySchema,
  })
  async unsubscribe(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: unsubscribeQuerySchema }) query: UnsubscribeQuery,
  ): Promise<void> {
    await this.preferences.unsubscribe(auth.userId, query.endpoint);
  }
}
