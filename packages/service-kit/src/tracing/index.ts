export { startTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { extractTraceContext, newTraceparent, TRACEPARENT } from './trace-headers.js';
