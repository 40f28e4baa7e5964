import { collectDefaultMetrics, Registry } from 'prom-client';

export type { Registry };

/**
 * One registry per process (never prom-client's global one, so tests that build several apps in
 * one process do not register a metric twice). Every series carries `service`, so one Prometheus
 * job can scrape all services; process metrics (CPU, memory, event loop lag, GC) come for free.
 */
export function createMetricsRegistry(service: string, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
