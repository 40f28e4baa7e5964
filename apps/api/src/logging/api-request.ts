import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/** What the guard learned from a valid token; scopes every repository call. */
export interface AuthContext {
  userId: string;
  tenantId: string;
  role: string;
}

/** The HTTP request as this API decorates it. */
export interface ApiRequest extends IncomingMessage {
  /** Request id: the caller's `x-request-id` when sane, else a fresh UUID. Echoed in the response. */
  id: string;
  /** Child logger carrying the request id. */
  log: Logger;
  auth?: AuthContext;
}
