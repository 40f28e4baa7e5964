import { extractTraceContext } from '@fleet/service-kit/tracing';
import {
  type Attributes,
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Spans of one telemetry message: `telemetry receive` (a child of the agent's `traceparent`
 * header when it sent one) → `telemetry decode` → `pack_sample write`. With tracing off
 * (no OTLP endpoint) the API hands out no-op spans, so this costs next to nothing.
 */
const tracer = () => trace.getTracer('@fleet/ingest');

export interface ReceivedSpan {
  span: Span;
  /** The parent of the message's later spans. */
  context: Context;
}

export function startReceiveSpan(
  subject: string,
  header: (name: string) => string | undefined,
  attributes: Attributes,
): ReceivedSpan {
  const parent = extractTraceContext(header);
  const span = tracer().startSpan(
    'telemetry receive',
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject, ...attributes },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** A child span of a message's receive span (or a root one when the message has none). */
export function startChildSpan(name: string, parent: Context | undefined, attributes: Attributes = {}): Span {
  return tracer().startSpan(name, { attributes }, parent);
}

/** Ends a span as failed with a short reason (never a payload). */
export function endFailed(span: Span, reason: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
  span.end();
}
