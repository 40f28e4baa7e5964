import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withLogContext } from '@fleet/service-kit';
import type { Logger } from 'pino';
import type { ApiRequest } from './api-request.js';

const REQUEST_ID_HEADER = 'x-request-id';
/** A caller-supplied id is reused only if it is short and plain, so it cannot forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id and a child logger (and the id to every log line written while the
 * request runs), echoes the id in `x-request-id`, and logs one
 * line per request when the response finishes (method, path without query, status, duration).
 */
export function requestContext(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const header = req.headers[REQUEST_ID_HEADER];
    const id = typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
    const request = req as ApiRequest;
    request.id = id;
    request.log = logger.child({ requestId: id });
    res.setHeader(REQUEST_ID_HEADER, id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      request.log.info(
        { method: req.method, path: (req.url ?? '').split('?')[0], status: res.statusCode, durationMs },
        'request completed',
      );
    });
    // Every later line of this request, from any logger (services take the root one), carries the id.
    withLogContext({ requestId: id }, next);
  };
}
