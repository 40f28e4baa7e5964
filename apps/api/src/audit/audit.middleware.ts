import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ApiRequest } from '../logging/api-request.js';
import { AuditRecorder } from './audit.recorder.js';
import { auditDraftOf } from './audit-draft.js';

/** The parts of Express's request the recorder reads once the response is finished. */
interface RoutedRequest extends ApiRequest {
  route?: { path?: unknown };
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  ip?: string;
}

/**
 * Hooks every request's end (`finish`, or `close` when the client left first) and hands the recorder a draft of it. A middleware, not an
 * interceptor: the AuthGuard's 403 happens before any interceptor runs, and refusals must be in
 * the log too. At `finish` Express has matched the route (its template, its params) and the
 * guard has resolved the caller, whatever the outcome was.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(@Inject(AuditRecorder) private readonly recorder: AuditRecorder) {}

  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const at = new Date();
    let recorded = false;
    // `finish` for an answered request; `close` alone when the client hangs up first (a live stream
    // closed by its browser never finishes). Whichever comes first records it, once.
    const record = () => {
      if (recorded) {
        return;
      }
      recorded = true;
      const request = req as RoutedRequest;
      try {
        const draft = auditDraftOf({
          method: req.method ?? 'GET',
          routePath: typeof request.route?.path === 'string' ? request.route.path : undefined,
          params: request.params ?? {},
          siteQuery: siteQueryOf(request.query),
          status: res.statusCode,
          ip: request.ip ?? req.socket.remoteAddress ?? null,
          userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
          requestId: request.id,
          at,
          auth: request.auth,
        });
        if (draft) {
          this.recorder.record(draft);
        }
      } catch (error) {
        request.log?.error({ err: error }, 'audit draft failed; request not recorded');
      }
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  }
}

function siteQueryOf(query: Record<string, unknown> | undefined): string | undefined {
  const value = query?.site ?? query?.siteId;
  return typeof value === 'string' ? value : undefined;
}
