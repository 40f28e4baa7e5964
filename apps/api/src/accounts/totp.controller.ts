import { Body, Controller, Delete, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { AuthService } from '../auth/auth.service.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { TotpService } from '../auth/totp.service.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { type TotpCodeBody, type TotpSetupDto, totpCodeBodySchema, totpSetupSchema } from './totp.dto.js';

const conflict = {
  description: 'Already enabled, or nothing to enable or disable.',
  standardSchema: errorBodySchema,
};

/** The caller's own optional TOTP second factor. */
@ApiTags('auth')
@Authenticated()
@ApiBadRequestResponse({ description: 'Malformed or wrong code.', standardSchema: errorBodySchema })
@Controller('me/totp')
export class TotpController {
  constructor(
    @Inject(TotpService) private readonly totp: TotpService,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  @Access(...READERS)
  @Post('setup')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'A new secret, not active until confirmed with a code (POST /api/me/totp/enable).',
    standardSchema: totpSetupSchema,
  })
  @ApiConflictResponse(conflict)
  async setup(@CurrentAuth() auth: AuthContext): Promise<TotpSetupDto> {
    const me = await this.auth.me(auth);
    return this.totp.setup(auth.userId, me.email);
  }

  @Access(...READERS)
  @Post('enable')
  @HttpCode(204)
  @ApiBody({ schema: openApiSchema(totpCodeBodySchema) })
  @ApiNoContentResponse({ description: 'Enabled: logins now ask for a code.' })
  @ApiConflictResponse(conflict)
  async enable(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: totpCodeBodySchema }) body: TotpCodeBody,
  ): Promise<void> {
    await this.totp.enable(auth.userId, body.code);
  }

  @Access(...READERS)
  @Delete()
  @HttpCode(204)
  @ApiBody({ schema: openApiSchema(totpCodeBodySchema) })
  @ApiNoContentResponse({ description: 'Disabled and the secret forgotten.' })
  @ApiConflictResponse(conflict)
  async disable(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: totpCodeBodySchema }) body: TotpCodeBody,
  ): Promise<void> {
    await this.totp.disable(auth.userId, body.code);
  }
}
