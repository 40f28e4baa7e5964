import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = () => trace.getTracer('@fleet/api');

/**
 * Runs one NATS publish inside a PRODUCER span (a child of the HTTP request that caused it) and
 * hands the publish the span's `traceparent`/`tracestate` as message headers, so ingest and the
 * notification consumers continue the same trace. With tracing off nothing is injected and
 * `publish` gets no headers.
 */
export async function publishTraced<T>(
  name: string,
  subject: string,
  publish: (traceHeaders: Record<string, string> | undefined) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(name, {
    kind: SpanKind.PRODUCER,
    attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject },
  });
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  try {
    return await publish(Object.keys(carrier).length > 0 ? carrier : undefined);
  } catch (error) {
    // The reason's class only: a NATS error message can name the server, never a payload.
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.name : 'publish failed',
    });
    throw error;
  } finally {
    span.end();
  }
}
