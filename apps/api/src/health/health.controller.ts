import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { type HealthDto, healthSchema } from './health.dto.js';
import { HealthService } from './health.service.js';
import { type LivenessDto, livenessSchema, type ReadinessDto, readinessSchema } from './readiness.dto.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ standardSchema: healthSchema })
  @ApiServiceUnavailableResponse({
    description: 'The database did not answer.',
    standardSchema: errorBodySchema,
  })
  check(): Promise<HealthDto> {
    return this.health.check();
  }

  /** Liveness for an orchestrator: answers while the process runs; asks no dependency. */
  @Public()
  @Get('live')
  @ApiOkResponse({ standardSchema: livenessSchema })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  /** Readiness: 503 naming the dependency that failed (database, or NATS when the worker runs). */
  @Public()
  @Get('ready')
  @ApiOkResponse({ standardSchema: readinessSchema })
  @ApiServiceUnavailableResponse({
    description:
      'The database did not answer, or the notification worker lost NATS; the message names which.',
    standardSchema: errorBodySchema,
  })
  ready(): Promise<ReadinessDto> {
    return this.health.ready();
  }
}
