import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from './start-tracing.js';
import { extractTraceContext, newTraceparent } from './trace-headers.js';

describe('tracing', () => {
  let tracing: Tracing | undefined;
  afterAll(() => tracing?.shutdown());

  it('is off without an exporter or an OTLP endpoint', () => {
    expect(startTracing({ serviceName: 'x', env: {} })).toBeUndefined();
  });

  it('continues the trace a message header names', () => {
    const exporter = new InMemorySpanExporter();
    tracing = startTracing({ serviceName: 'x', env: {}, exporter });
    const traceparent = newTraceparent();
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const parent = extractTraceContext((name) => (name === 'traceparent' ? traceparent : undefined));
    const tracer = trace.getTracer('test');
    const span = tracer.startSpan('receive', {}, parent);
    context.with(trace.setSpan(parent, span), () => tracer.startSpan('child').end());
    span.end();
    const [child, receive] = exporter.getFinishedSpans();
    expect(receive?.spanContext().traceId).toBe(traceparent.split('-')[1]);
    expect(receive?.parentSpanContext?.spanId).toBe(traceparent.split('-')[2]);
    expect(child?.parentSpanContext?.spanId).toBe(receive?.spanContext().spanId);
  });

  it('starts a new trace when the header is missing or malformed', () => {
    const parent = extractTraceContext(() => 'garbage');
    expect(trace.getSpanContext(parent)).toBeUndefined();
  });
});
