import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { RateLimit } from '../auth/rate-limit/rate-limit.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type PasswordResetBody,
  type PasswordResetConfirmBody,
  passwordResetBodySchema,
  passwordResetConfirmBodySchema,
} from './password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

/** Password reset by email (public). */
@ApiTags('auth')
@ApiBadRequestResponse({ description: 'A field is missing or malformed.', standardSchema: errorBodySchema })
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(@Inject(PasswordResetService) private readonly resets: PasswordResetService) {}

  @Public()
  @RateLimit('password-reset', 'email')
  @Post()
  @HttpCode(202)
  @ApiBody({ schema: openApiSchema(passwordResetBodySchema) })
  @ApiAcceptedResponse({
    description:
      'Always, whether or not the email has an account; if it has, a link to <WEB_URL>/reset-password (valid 1 h) is mailed.',
  })
  request(@Body({ schema: passwordResetBodySchema }) body: PasswordResetBody): void {
    this.resets.request(body.email);
  }

  @Public()
  @RateLimit('password-reset-confirm', 'token')
  @Post('confirm')
  @HttpCode(204)
  @ApiBody({ schema: openApiSchema(passwordResetConfirmBodySchema) })
  @ApiNoContentResponse({ description: 'Password set; every session issued before now is refused.' })
  async confirm(
    @Body({ schema: passwordResetConfirmBodySchema }) body: PasswordResetConfirmBody,
  ): Promise<void> {
    await this.resets.confirm(body.token, body.password);
  }
}
