import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics.js';

/** The process's one registry; areas (the notification worker) add their metrics to it. */
@Global()
@Module({ providers: [ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule {}
