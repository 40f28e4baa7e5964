/** For tests: spans kept in memory (pass as `exporter` to startTracing). */
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
export { startTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { extractTraceContext, newTraceparent, TRACEPARENT } from './trace-headers.js';
