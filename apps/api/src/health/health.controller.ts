import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { errorBodySchema } from '../openapi/error-body.schema.js';
import { type HealthDto, healthSchema } from './health.dto.js';
import { HealthService } from './health.service.js';

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
}
