import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { type HealthReport, HealthService } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  /** 200 with the counters while consuming; 503 with the same body while starting or stopping. */
  @Get()
  get(): HealthReport {
    const report = this.health.report();
    if (report.status !== 'ok') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}
