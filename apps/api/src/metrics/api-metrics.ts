import { createMetricsRegistry, Histogram, type Registry } from '@fleet/service-kit/metrics';
import { Injectable } from '@nestjs/common';

/**
 * The api's Prometheus registry (`GET /metrics`, loopback or METRICS_TOKEN) and its request
 * latency histogram. Labels are the route template, method and status only: never a path with
 * ids, a tenant or a user, so the metrics hold no tenant data and their cardinality is bounded.
 */
@Injectable()
export class ApiMetrics {
  readonly registry: Registry = createMetricsRegistry('api');
  readonly requestSeconds = new Histogram({
    name: 'fleet_api_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
}
