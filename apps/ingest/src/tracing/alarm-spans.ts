import { extractTraceContext } from '@fleet/service-kit/tracing';
import { isSpanContextValid, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Spans of alarm work (issue 11): `alarm evaluate` continues the telemetry message's trace (the
 * agent's `traceparent` header), its traceparent is stored with every transition it writes, and
 * the outbox relay's `alarm-event publish` continues that stored context and hands its own
 * traceparent to the NATS header, so the notification worker continues the sample's trace.
 * With tracing off the API's no-op spans still carry the parent's context: the header then is the
 * stored traceparent itself, and the trace id still reaches the consumers.
 */
const tracer = () => trace.getTracer('@fleet/ingest');

const messaging = (subject: string) => ({
  'messaging.system': 'nats',
  'messaging.destination.name': subject,
});

/** The evaluation of one telemetry message, a child of the trace its headers name (if any). */
export function startEvaluateSpan(subject: string, header: (name: string) => string | undefined): Span {
  return tracer().startSpan(
    'alarm evaluate',
    { kind: SpanKind.CONSUMER, attributes: messaging(subject) },
    extractTraceContext(header),
  );
}

/** The publish of one outbox row, a child of the context stored with it (a new trace without one). */
export function startPublishSpan(subject: string, traceparent: string | null): Span {
  const parent = extractTraceContext((name) =>
    name === 'traceparent' ? (traceparent ?? undefined) : undefined,
  );
  return tracer().startSpan(
    'alarm-event publish',
    { kind: SpanKind.PRODUCER, attributes: messaging(subject) },
    parent,
  );
}

/** The span's W3C `traceparent`, or undefined when it belongs to no trace (tracing off, no parent). */
export function traceparentOf(span: Span): string | undefined {
  const c = span.spanContext();
  if (!isSpanContextValid(c)) {
    return undefined;
  }
  return `00-${c.traceId}-${c.spanId}-${(c.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** Ends a span as failed with the error's class only (a NATS or database message can name a server). */
export function endFailedWith(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'failed' });
  span.end();
}
