import type { IncomingMessage, ServerResponse } from 'node:http';
import { extractTraceContext } from '@fleet/service-kit/tracing';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { routeLabel } from '../metrics/http-metrics.middleware.js';

/** What AuthGuard leaves on a request it let through. */
interface AuthedRequest extends IncomingMessage {
  auth?: { tenantId?: string | null };
}

const tracer = () => trace.getTracer('@fleet/api');

/**
 * One SERVER span per HTTP request, a child of the caller's `traceparent` header when it sent
 * one. Named by the route template (`GET /api/sites/:id`), never the path, so ids stay out of
 * span names; the only caller attribute is the tenant id (no user, no email, no query string).
 * The rest of the request runs in the span's context, so spans made while handling it (the
 * alarm-event publish) are its children. With tracing off the spans are no-ops.
 */
export function httpSpans() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const method = req.method ?? 'GET';
    const parent = extractTraceContext((name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    });
    const span = tracer().startSpan(
      `${method} unmatched`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } },
      parent,
    );
    let ended = false;
    const end = () => {
      if (ended) {
        return;
      }
      ended = true;
      const route = routeLabel(req);
      span.updateName(`${method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      const tenantId = (req as AuthedRequest).auth?.tenantId;
      if (tenantId) {
        span.setAttribute('fleet.tenant_id', tenantId);
      }
      if (res.statusCode >= 500) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
      }
      span.end();
    };
    // 'close' too: a client that hangs up before the response finishes still ends the span.
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}
