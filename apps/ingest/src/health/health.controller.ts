import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { type HealthReport, HealthService } from './health.service.js';
import { type ReadinessReport, ReadinessService } from './readiness.service.js';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(ReadinessService) private readonly readiness: ReadinessService,
  ) {}

  /** 200 with the counters while consuming; 503 with the same body while starting or stopping. */
  @Get()
  get(): HealthReport {
    const report = this.health.report();
    if (report.status !== 'ok') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }

  /** Liveness: the process answers (its event loop turns). Checks no dependency. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 when database, NATS and the consumer are fine; 503 naming what is not. */
  @Get('ready')
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.check();
    if (report.status !== 'ready') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}
