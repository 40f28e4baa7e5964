import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  StreamableFile,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { noneMatchHits, weakEtag } from './weak-etag.js';

const NO_ETAG = 'fleet:noEtag';
/** Nest's marker of an `@Sse()` handler: its values are events, not one body. */
const SSE_METADATA = '__sse__';

/** Opts a GET handler out of ETags (a body too large to hash twice, a live value). */
export const NoEtag = (): MethodDecorator => SetMetadata(NO_ETAG, true);

/**
 * ETag on reads: a GET handler's JSON value gets `ETag: W/"<hash of the body>"`. The 304 is
 * Express's own: `res.send` answers 304 with no body when the request is fresh, i.e. its
 * `If-None-Match` lists this tag (RFC 9110 §13.1.2 weak comparison). Errors never get here,
 * and streams (exports, StreamableFile) and server-sent events are passed through untouched.
 *
 * Express's freshness check also calls any request with `Cache-Control: no-cache` stale, and
 * fetch() adds exactly that header to every request with a hand-set If-None-Match (Fetch
 * standard, HTTP-network-or-cache fetch). no-cache asks caches to revalidate with the origin,
 * and this is the origin validating: on a hit those request headers are dropped so the
 * comparison alone decides.
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<IncomingMessage>();
    const handler = context.getHandler();
    if (
      context.getType() !== 'http' ||
      req.method !== 'GET' ||
      this.reflector.get<boolean>(SSE_METADATA, handler) ||
      this.reflector.get<boolean>(NO_ETAG, handler)
    ) {
      return next.handle();
    }
    const res = http.getResponse<ServerResponse>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (isJsonBody(body) && res.statusCode === 200 && !res.headersSent) {
          const etag = weakEtag(JSON.stringify(body));
          res.setHeader('ETag', etag);
          if (noneMatchHits(headerOf(req, 'if-none-match'), etag)) {
            delete req.headers['cache-control'];
            delete req.headers.pragma;
          }
        }
        return body;
      }),
    );
  }
}

function isJsonBody(body: unknown): boolean {
  return (
    body !== null && typeof body === 'object' && !(body instanceof StreamableFile) && !Buffer.isBuffer(body)
  );
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
