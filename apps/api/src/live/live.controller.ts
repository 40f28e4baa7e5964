import type { ServerResponse } from 'node:http';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator.js';
import { READERS } from '../access/roles.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import type { AuthContext } from '../logging/api-request.js';
import { Authenticated } from '../openapi/authenticated.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { STREAM_EVENTS_DESCRIPTION, type StreamQuery, streamQuerySchema } from './live.dto.js';
import { LiveService } from './live.service.js';

/** The live stream: server-sent telemetry and alarm events, cut when the caller's access ends. */
@ApiTags('live')
@Authenticated()
@Controller('stream')
export class LiveController {
  constructor(@Inject(LiveService) private readonly live: LiveService) {}

  @Access(...READERS)
  @Get()
  @ApiOkResponse({
    description: STREAM_EVENTS_DESCRIPTION,
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({
    description: 'A requested site or string is not in your scope.',
    standardSchema: errorBodySchema,
  })
  stream(
    @CurrentAuth() auth: AuthContext,
    @Query({ schema: streamQuerySchema }) query: StreamQuery,
    @Res() res: ServerResponse,
  ): Promise<void> {
    return this.live.open(auth, query, res);
  }
}
