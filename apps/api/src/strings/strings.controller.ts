import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { type IdParam, idParamSchema } from '../common/id-param.js';
import { NoEtag } from '../http-cache/etag.interceptor.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import {
  type ExportQuery,
  exportQuerySchema,
  type LatestPackSampleDto,
  latestPackSampleSchema,
  type StringDetailDto,
  type StringTrendDto,
  stringDetailSchema,
  stringTrendSchema,
  type TrendQuery,
  trendQuerySchema,
} from './strings.dto.js';
import { StringsService } from './strings.service.js';
import { StringsTrendService } from './strings-trend.service.js';

@ApiTags('strings')
@Authenticated()
@ApiBadRequestResponse({ description: 'The id is not a UUID.', standardSchema: errorBodySchema })
@Controller('strings')
export class StringsController {
  constructor(
    @Inject(StringsService) private readonly strings: StringsService,
    @Inject(StringsTrendService) private readonly trends: StringsTrendService,
  ) {}

  @Access(...READERS)
  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({ description: 'The string with its site.', standardSchema: stringDetailSchema })
  @ApiNotFoundResponse({
    description: "No such string in the caller's tenant.",
    standardSchema: errorBodySchema,
  })
  detail(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<StringDetailDto> {
    return this.strings.detail(auth.scope, id);
  }

  @Access(...READERS)
  @Get(':id/latest')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'The newest pack sample of the string.',
    standardSchema: latestPackSampleSchema,
  })
  @ApiNotFoundResponse({
    description: "No such string in the caller's tenant, or no sample yet (indistinguishable on purpose).",
    standardSchema: errorBodySchema,
  })
  latest(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
  ): Promise<LatestPackSampleDto> {
    return this.strings.latest(auth.scope, id);
  }

  @Access(...READERS)
  @Get(':id/trend')
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiOkResponse({
    description: 'Pack trend over [from, to) from one storage tier (raw samples or 1m/1h/1d rollups).',
    standardSchema: stringTrendSchema,
  })
  @ApiNotFoundResponse({
    description: "No such string in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  trend(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: trendQuerySchema }) q: TrendQuery,
  ): Promise<StringTrendDto> {
    return this.trends.trend(auth.scope, id, q);
  }

  @Access(...READERS)
  @Get(':id/export')
  @NoEtag()
  @ApiParam({ name: 'id', format: 'uuid', type: String })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({
    description:
      'The trend rows as a download, streamed: CSV with units in the column names (pack_voltage_avg_dv) or the trend JSON.',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/json': { schema: { $ref: '#/components/schemas/StringTrend' } },
    },
  })
  @ApiNotFoundResponse({
    description: "No such string in the caller's scope.",
    standardSchema: errorBodySchema,
  })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Param({ schema: idParamSchema }) { id }: IdParam,
    @Query({ schema: exportQuerySchema }) q: ExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.trends.export(auth.scope, id, q);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }
}
