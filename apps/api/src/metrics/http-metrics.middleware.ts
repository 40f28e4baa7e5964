import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMetrics } from './api-metrics.js';

/** What Express leaves on a request it routed: the matched route's template. */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
}

/**
 * The route label of a finished request: Express's matched template (`/api/sites/:id`), or
 * `unmatched` for a 404 without a route, so unknown paths cannot blow up the series count.
 */
export function routeLabel(req: IncomingMessage): string {
  const path = (req as RoutedRequest).route?.path;
  return typeof path === 'string' ? path : 'unmatched';
}

/** Observes every request's duration when its response finishes (server-sent streams included). */
export function httpMetrics(metrics: ApiMetrics) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const end = metrics.requestSeconds.startTimer();
    res.on('finish', () => {
      end({ route: routeLabel(req), method: req.method ?? 'GET', status: String(res.statusCode) });
    });
    next();
  };
}
