import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS, SITE_MANAGERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import {
  type ConfirmTopologyBody,
  confirmTopologyBodySchema,
  type SiteTopologyDto,
  siteTopologySchema,
} from './topology.dto.js';
import { TopologyService } from './topology.service.js';

const BAD = { description: 'A bad id or body.', standardSchema: errorBodySchema };

/** A site's discovered and confirmed topology (issue 10, onboarding). */
@ApiTags('topology')
@Authenticated()
@ApiBadRequestResponse(BAD)
@Controller('sites/:id/topology')
export class TopologyController {
  constructor(@Inject(TopologyService) private readonly service: TopologyService) {}

  @Access(...READERS)
  @Get()
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'What the gateways found, what was confirmed as installed, and the mismatches.',
    standardSchema: siteTopologySchema,
  })
  @ApiNotFoundResponse({
    description: "No such site in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  topology(@Param({ schema: idParamSchema }) { id }: IdParam): Promise<SiteTopologyDto> {
    return this.service.topology(id);
  }

  @Access(...SITE_MANAGERS)
  @Post('confirm')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiBody({ schema: openApiSchema(confirmTopologyBodySchema) })
  @ApiCreatedResponse({
    description: 'The confirmation is stored with who and when; the topology as it now reads.',
    standardSchema: siteTopologySchema,
  })
  @ApiNotFoundResponse({
    description: "No such site of the caller's organisation.",
    standardSchema: errorBodySchema,
  })
  confirm(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Body({ schema: confirmTopologyBodySchema }) body: ConfirmTopologyBody,
  ): Promise<SiteTopologyDto> {
    return this.service.confirm(auth, id, body);
  }
}
