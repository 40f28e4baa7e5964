import { extractTraceContext } from '@fleet/service-kit/tracing';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = () => trace.getTracer('@fleet/api');

/**
 * Runs the handling of one received NATS message inside a CONSUMER span, a child of the
 * `traceparent` header its publisher sent (the api's own `alarm-event publish`, or ingest's
 * relay); a message without one starts its own trace. `header` reads a message header
 * (`msg.headers?.get(name)`; NATS answers '' for a missing one).
 */
export async function withConsumerSpan<T>(
  name: string,
  subject: string,
  header: (name: string) => string | undefined,
  handle: () => Promise<T>,
): Promise<T> {
  const parent = extractTraceContext((key) => header(key) || undefined);
  const span = tracer().startSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), handle);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'failed' });
    throw error;
  } finally {
    span.end();
  }
}
