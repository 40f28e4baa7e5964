import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/** Addresses of this host: a Prometheus (or an operator) on the same machine. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) {
    return false;
  }
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/** `Authorization: Bearer <token>` equal to `token`, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match?.[1]) {
    return false;
  }
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface MetricsAccess {
  /** When set, callers that are not on loopback must present it as a bearer token. */
  token?: string;
  /** Serve everyone (a port that only the monitoring network reaches). */
  open?: boolean;
}

/**
 * `GET /metrics` in the Prometheus text format, as a plain Node handler (usable by Express,
 * Nest's `app.use`, or `http.createServer`). Answers 403 to a caller that is neither on loopback
 * nor holds the token, so the endpoint is safe on a public port.
 */
export function metricsHandler(registry: Registry, access: MetricsAccess = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const allowed =
      access.open ||
      isLoopback(req.socket.remoteAddress) ||
      (access.token !== undefined && bearerMatches(req.headers.authorization, access.token));
    if (!allowed) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('metrics: loopback or bearer token only\n');
      return;
    }
    registry
      .metrics()
      .then((body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body))
      .catch((error: unknown) => {
        res
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(`metrics failed: ${(error as Error).message}\n`);
      });
  };
}
