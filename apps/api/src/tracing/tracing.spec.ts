import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InMemorySpanExporter, newTraceparent, startTracing, type Tracing } from '@fleet/service-kit/tracing';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withConsumerSpan } from './consumer-span.js';
import { httpSpans } from './http-spans.middleware.js';
import { publishTraced } from './traced-publish.js';

/**
 * Runs one request through the middleware the way Express does: `handle` is the rest of the
 * pipeline (it sets the matched route like the router, may publish), then the response finishes.
 */
async function request(
  {
    headers = {},
    route,
    status = 200,
    tenantId,
  }: Partial<{
    headers: Record<string, string>;
    route: string;
    status: number;
    tenantId: string;
  }>,
  handle: () => Promise<void> = async () => undefined,
): Promise<void> {
  const req = { method: 'GET', url: '/api/sites/site-123?x=1', headers } as IncomingMessage & {
    route?: { path: string };
    auth?: { tenantId: string };
  };
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse;
  let done: Promise<void> = Promise.resolve();
  httpSpans()(req, res, () => {
    if (route) {
      req.route = { path: route };
    }
    if (tenantId) {
      req.auth = { tenantId };
    }
    done = handle();
  });
  await done;
  res.emit('finish');
  res.emit('close');
}

describe('api tracing, off (no OTLP endpoint)', () => {
  it('hands a publish no trace headers', async () => {
    let seen: Record<string, string> | undefined = { unset: 'yes' };
    await request({ headers: { traceparent: newTraceparent() }, route: '/api/x' }, () =>
      publishTraced('alarm-event publish', 'alarms.t', async (h) => {
        seen = h;
      }),
    );
    expect(seen).toBeUndefined();
  });
});

// Tracing is a process-wide registration: started once by the first "on" block, after the
// "off" block, and shut down after the last (vitest runs the blocks of a file in order).
const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;

describe('api tracing, on: HTTP requests', () => {
  beforeAll(() => {
    tracing = startTracing({ serviceName: 'api', env: {}, exporter });
  });

  it('makes one SERVER span per request, named by the route template, with status and tenant only', async () => {
    exporter.reset();
    await request({ route: '/api/sites/:id', status: 200, tenantId: 'tenant-1' });
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1); // 'finish' and 'close' both fired: still one span
    const [span] = spans;
    expect(span?.name).toBe('GET /api/sites/:id');
    expect(span?.kind).toBe(SpanKind.SERVER);
    expect(span?.attributes).toEqual({
      'http.request.method': 'GET',
      'http.route': '/api/sites/:id',
      'http.response.status_code': 200,
      'fleet.tenant_id': 'tenant-1',
    });
    expect(JSON.stringify(span?.attributes)).not.toContain('site-123');
  });

  it('continues the trace of an incoming traceparent', async () => {
    exporter.reset();
    const traceparent = newTraceparent();
    const [, traceId, parentId] = traceparent.split('-');
    await request({ headers: { traceparent }, route: '/api/alarms' });
    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(parentId);
  });

  it('names a request no route matched "unmatched" and marks a 5xx as an error', async () => {
    exporter.reset();
    await request({ status: 404 });
    await request({ route: '/api/sites', status: 503 });
    const [notFound, failed] = exporter.getFinishedSpans();
    expect(notFound?.name).toBe('GET unmatched');
    expect(notFound?.status.code).toBe(SpanStatusCode.UNSET);
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('api tracing, on: alarm events over NATS', () => {
  afterAll(() => tracing?.shutdown());

  it("publishes inside a PRODUCER child span whose traceparent goes into the message's headers", async () => {
    exporter.reset();
    let sent: Record<string, string> | undefined;
    await request({ route: '/api/alarms/:id/ack' }, () =>
      publishTraced('alarm-event publish', 'alarms.t1.s1', async (h) => {
        sent = h;
      }),
    );
    const [publish, server] = exporter.getFinishedSpans();
    expect(publish?.name).toBe('alarm-event publish');
    expect(publish?.kind).toBe(SpanKind.PRODUCER);
    expect(publish?.attributes['messaging.destination.name']).toBe('alarms.t1.s1');
    expect(publish?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(sent?.traceparent).toBe(
      `00-${publish?.spanContext().traceId}-${publish?.spanContext().spanId}-01`,
    );
  });

  it('continues the publish span in the consumer of the message', async () => {
    exporter.reset();
    let sent: Record<string, string> = {};
    await publishTraced('alarm-event publish', 'alarms.t1.s1', async (h) => {
      sent = h ?? {};
    });
    const planned = await withConsumerSpan(
      'alarm-event receive',
      'alarms.t1.s1',
      (name) => sent[name] ?? '',
      async () => 'planned',
    );
    expect(planned).toBe('planned');
    const [publish, receive] = exporter.getFinishedSpans();
    expect(receive?.kind).toBe(SpanKind.CONSUMER);
    expect(receive?.spanContext().traceId).toBe(publish?.spanContext().traceId);
    expect(receive?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
    // NATS answers '' for a header that is not there: a new trace, not a crash.
    await withConsumerSpan(
      'alarm-event receive',
      'alarms.t',
      () => '',
      async () => undefined,
    );
    expect(exporter.getFinishedSpans()[2]?.parentSpanContext).toBeUndefined();
  });

  it('marks a failed publish as an error and rethrows it', async () => {
    exporter.reset();
    const failing = publishTraced('alarm-event publish', 'alarms.t', () =>
      Promise.reject(new TypeError('boom')),
    );
    await expect(failing).rejects.toThrow('boom');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'TypeError' });
  });
});
