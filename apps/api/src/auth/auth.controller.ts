import { Body, Controller, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import type { AuthContext } from '../logging/api-request.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type LoginBody,
  type LoginResponseDto,
  loginBodySchema,
  loginResponseSchema,
  type SessionDto,
  sessionSchema,
  type TotpLoginBody,
  totpLoginBodySchema,
  type UpdateMeBody,
  type UserDto,
  updateMeBodySchema,
  userSchema,
} from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { CurrentAuth } from './current-auth.decorator.js';
import { Public } from './public.decorator.js';
import { RateLimit } from './rate-limit/rate-limit.decorator.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @RateLimit('login', 'email')
  @Post('auth/login')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(loginBodySchema) })
  @ApiOkResponse({
    description: 'A session; with TOTP enabled, a challenge for POST /api/auth/login/totp instead.',
    standardSchema: loginResponseSchema,
  })
  @ApiBadRequestResponse({
    description: 'A field is missing, malformed or unknown.',
    standardSchema: errorBodySchema,
  })
  @ApiUnauthorizedResponse({
    description: 'Unknown email or wrong password.',
    standardSchema: errorBodySchema,
  })
  login(@Body({ schema: loginBodySchema }) body: LoginBody): Promise<LoginResponseDto> {
    return this.auth.login(body);
  }

  @Public()
  @RateLimit('login-totp', 'challenge')
  @Post('auth/login/totp')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(totpLoginBodySchema) })
  @ApiOkResponse({ standardSchema: sessionSchema })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed.', standardSchema: errorBodySchema })
  @ApiUnauthorizedResponse({
    description: 'Expired or forged challenge, or a wrong or already used code.',
    standardSchema: errorBodySchema,
  })
  loginTotp(@Body({ schema: totpLoginBodySchema }) body: TotpLoginBody): Promise<SessionDto> {
    return this.auth.loginTotp(body);
  }

  @Access(...READERS)
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ standardSchema: userSchema })
  @ApiUnauthorizedResponse({ standardSchema: errorBodySchema })
  me(@CurrentAuth() auth: AuthContext): Promise<UserDto> {
    return this.auth.me(auth);
  }

  @Access(...READERS)
  @Patch('me')
  @ApiBearerAuth()
  @ApiBody({ schema: openApiSchema(updateMeBodySchema) })
  @ApiOkResponse({ description: 'The profile as changed.', standardSchema: userSchema })
  @ApiBadRequestResponse({
    description: 'An unknown language, or a field that cannot be changed here.',
    standardSchema: errorBodySchema,
  })
  @ApiUnauthorizedResponse({ standardSchema: errorBodySchema })
  updateMe(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: updateMeBodySchema }) body: UpdateMeBody,
  ): Promise<UserDto> {
    return this.auth.updateMe(auth, body);
  }
}
