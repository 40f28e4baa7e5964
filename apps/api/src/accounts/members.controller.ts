import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
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
  type ChangeRoleBody,
  changeRoleBodySchema,
  type MemberDto,
  memberListSchema,
  memberSchema,
} from './members.dto.js';
import { MembersService } from './members.service.js';

const notFound = { description: 'No such member in your organisation.', standardSchema: errorBodySchema };

/** The members of the caller's organisation (org admins only). */
@ApiTags('members')
@Authenticated()
@ApiBadRequestResponse({ description: 'A parameter or field is malformed.', standardSchema: errorBodySchema })
@Controller('members')
export class MembersController {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Access(...ORG_ADMINS)
  @Get()
  @ApiOkResponse({ standardSchema: memberListSchema })
  list(@CurrentAuth() auth: AuthContext): Promise<MemberDto[]> {
    return this.members.list(auth);
  }

  @Access(...ORG_ADMINS)
  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(changeRoleBodySchema) })
  @ApiOkResponse({ standardSchema: memberSchema })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ description: 'It would leave no org_admin.', standardSchema: errorBodySchema })
  changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: changeRoleBodySchema }) body: ChangeRoleBody,
  ): Promise<MemberDto> {
    return this.members.changeRole(auth, id, body.role);
  }

  @Access(...ORG_ADMINS)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Removed, with their sessions and site memberships.' })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ description: 'Yourself, or the last org_admin.', standardSchema: errorBodySchema })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<void> {
    await this.members.remove(auth, id);
  }
}
