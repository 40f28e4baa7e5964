import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
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
import { Access } from '../access/access.decorator.js';
import { ORG_ADMINS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type ApiKeyDto,
  apiKeyListSchema,
  type CreateApiKeyBody,
  type CreatedApiKeyDto,
  createApiKeyBodySchema,
  createdApiKeySchema,
} from './api-keys.dto.js';
import { ApiKeysService } from './api-keys.service.js';

/** API keys of the caller's organisation, for integrations (org admins only). */
@ApiTags('api-keys')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller('api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeysService) private readonly keys: ApiKeysService) {}

  @Access(...ORG_ADMINS)
  @Post()
  @ApiBody({ schema: openApiSchema(createApiKeyBodySchema) })
  @ApiCreatedResponse({ description: 'The key, in this response only.', standardSchema: createdApiKeySchema })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: createApiKeyBodySchema }) body: CreateApiKeyBody,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(auth, body);
  }

  @Access(...ORG_ADMINS)
  @Get()
  @ApiOkResponse({ description: 'Newest first, revoked ones included.', standardSchema: apiKeyListSchema })
  list(@CurrentAuth() auth: AuthContext): Promise<ApiKeyDto[]> {
    return this.keys.list(auth);
  }

  @Access(...ORG_ADMINS)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Revoked: the key is refused (401) from the next request on.' })
  @ApiNotFoundResponse({
    description: 'No such active key in your organisation.',
    standardSchema: errorBodySchema,
  })
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<void> {
    await this.keys.revoke(auth, id);
  }
}
