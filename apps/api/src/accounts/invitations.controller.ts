import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { SITE_MANAGERS } from '../access/roles.js';
import { type SessionDto, sessionSchema } from '../auth/auth.dto.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { RateLimit } from '../auth/rate-limit/rate-limit.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import {
  type AcceptInvitationBody,
  acceptInvitationBodySchema,
  type CreatedInvitationDto,
  type CreateInvitationBody,
  createdInvitationSchema,
  createInvitationBodySchema,
  type InvitationDto,
  invitationListSchema,
} from './invitations.dto.js';
import { InvitationsService } from './invitations.service.js';

const badRequest = { description: 'A parameter or field is malformed.', standardSchema: errorBodySchema };

/** Invitations into the caller's organisation; accepting one is public (the mailed token is the proof). */
@ApiTags('invitations')
@ApiBadRequestResponse(badRequest)
@Controller('invitations')
export class InvitationsController {
  constructor(
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(InvitationAcceptService) private readonly acceptance: InvitationAcceptService,
  ) {}

  @Access(...SITE_MANAGERS)
  @Post()
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema })
  @ApiBody({ schema: openApiSchema(createInvitationBodySchema) })
  @ApiCreatedResponse({
    description: 'Stored and mailed (a link to <WEB_URL>/accept-invite, valid 7 days).',
    standardSchema: createdInvitationSchema,
  })
  @ApiNotFoundResponse({
    description: 'A site is not one of your organisation.',
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'Already a member.', standardSchema: errorBodySchema })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: createInvitationBodySchema }) body: CreateInvitationBody,
  ): Promise<CreatedInvitationDto> {
    return this.invitations.create(auth, body);
  }

  @Access(...SITE_MANAGERS)
  @Get()
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema })
  @ApiOkResponse({ description: 'Pending: not accepted, not expired.', standardSchema: invitationListSchema })
  list(@CurrentAuth() auth: AuthContext): Promise<InvitationDto[]> {
    return this.invitations.listPending(auth);
  }

  @Access(...SITE_MANAGERS)
  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.', standardSchema: errorBodySchema })
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Withdrawn: its link no longer works.' })
  @ApiNotFoundResponse({
    description: 'No such invitation in your organisation.',
    standardSchema: errorBodySchema,
  })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<void> {
    await this.invitations.remove(auth, id);
  }

  @Public()
  @RateLimit('invitation-accept', 'token')
  @Post('accept')
  @HttpCode(200)
  @ApiBody({ schema: openApiSchema(acceptInvitationBodySchema) })
  @ApiOkResponse({ description: 'The new (or joined) account’s session.', standardSchema: sessionSchema })
  @ApiUnauthorizedResponse({
    description: 'Wrong password of the existing owner account.',
    standardSchema: errorBodySchema,
  })
  @ApiConflictResponse({ description: 'The email has another account.', standardSchema: errorBodySchema })
  accept(@Body({ schema: acceptInvitationBodySchema }) body: AcceptInvitationBody): Promise<SessionDto> {
    return this.acceptance.accept(body);
  }
}
