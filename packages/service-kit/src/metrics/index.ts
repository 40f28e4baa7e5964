export { Counter, Gauge, Histogram } from 'prom-client';
export { createMetricsRegistry, type Registry } from './create-metrics-registry.js';
export { bearerMatches, isLoopback, type MetricsAccess, metricsHandler } from './metrics-endpoint.js';
export {
  type SnapshotMetricSpec,
  type SnapshotReading,
  snapshotCounter,
  snapshotGauge,
} from './snapshot-metrics.js';
