import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
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
import { ORG_ADMINS, READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type WarrantyTermsBody,
  type WarrantyTermsDto,
  type WarrantyTermsListDto,
  warrantyTermsBodySchema,
  warrantyTermsListSchema,
  warrantyTermsSchema,
} from './warranty-terms.dto.js';
import { WarrantyTermsService } from './warranty-terms.service.js';

const BAD_BODY = {
  description: 'A field is malformed, out of range or unknown.',
  standardSchema: errorBodySchema,
};
const NOT_FOUND = {
  description: 'No such terms of the caller’s organisation.',
  standardSchema: errorBodySchema,
};

/** Warranty terms of the caller's organisation (issue 9): entered by org admins from the manufacturer's documents. */
@ApiTags('warranty')
@Authenticated()
@Controller('warranty-terms')
export class WarrantyTermsController {
  constructor(@Inject(WarrantyTermsService) private readonly terms: WarrantyTermsService) {}

  @Access(...READERS)
  @Get()
  @ApiOkResponse({ description: 'The organisation’s terms.', standardSchema: warrantyTermsListSchema })
  list(@CurrentAuth() auth: AuthContext): Promise<WarrantyTermsListDto> {
    return this.terms.list(auth);
  }

  @Access(...ORG_ADMINS)
  @Post()
  @ApiBody({ schema: openApiSchema(warrantyTermsBodySchema) })
  @ApiCreatedResponse({ description: 'The new terms.', standardSchema: warrantyTermsSchema })
  @ApiBadRequestResponse(BAD_BODY)
  create(
    @CurrentAuth() auth: AuthContext,
    @Body({ schema: warrantyTermsBodySchema }) body: WarrantyTermsBody,
  ): Promise<WarrantyTermsDto> {
    return this.terms.create(auth, body);
  }

  @Access(...ORG_ADMINS)
  @Put(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(warrantyTermsBodySchema) })
  @ApiOkResponse({ description: 'The terms after the change.', standardSchema: warrantyTermsSchema })
  @ApiBadRequestResponse(BAD_BODY)
  @ApiNotFoundResponse(NOT_FOUND)
  update(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: warrantyTermsBodySchema }) body: WarrantyTermsBody,
  ): Promise<WarrantyTermsDto> {
    return this.terms.update(auth, id, body);
  }

  @Access(...ORG_ADMINS)
  @Delete(':id')
  @HttpCode(204)
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiBadRequestResponse(BAD_BODY)
  @ApiNotFoundResponse(NOT_FOUND)
  remove(@CurrentAuth() auth: AuthContext, @Param({ schema: idParamSchema }) { id }: IdParam): Promise<void> {
    return this.terms.remove(auth, id);
  }
}
