import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  serviceName: string;
  /** The process environment: `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`. */
  env: Record<string, string | undefined>;
  /** Tests: spans go here (synchronously), never to the network. */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Flushes pending spans and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer provider when there is somewhere to send spans: an explicit
 * exporter (tests) or the standard OTLP endpoint variables (the exporter reads them itself,
 * with `OTEL_EXPORTER_OTLP_HEADERS` etc.). Without either, nothing is registered and every span
 * of `@opentelemetry/api` is a no-op costing nothing: tracing is off by default.
 */
export function startTracing({ serviceName, env, exporter }: TracingOptions): Tracing | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  let processor: SpanProcessor;
  if (exporter) {
    processor = new SimpleSpanProcessor(exporter);
  } else if (endpoint) {
    processor = new BatchSpanProcessor(new OTLPTraceExporter());
  } else {
    return undefined;
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [processor],
  });
  // Also installs the AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
    },
  };
}
