import type { IncomingMessage } from 'node:http';
import type { AccessScope, Principal, UserRole } from '@fleet/db';
import type { Logger } from 'pino';

/** What a session token says: who, of which organisation, in which role when it was issued. */
export interface TokenIdentity {
  userId: string;
  tenantId: string;
  role: string;
}

/**
 * The caller as the guard resolved it for this request from the database (AccessRepository):
 * role and organisation as they are now, and the scope that filters every repository call.
 */
export interface AuthContext {
  userId: string;
  /** The caller's own organisation (organisation-level data: channels, rules, members). */
  tenantId: string;
  role: UserRole;
  orgKind: Principal['orgKind'];
  /** The sites the caller may see (site-level data: sites, strings, telemetry, alarms). */
  scope: AccessScope;
  scopeChangesAt: Date | null;
  /** When the caller's session token was issued (ms); absent for API keys. A live stream ends when a reset voids it. */
  sessionIssuedAtMs?: number;
}

/** The HTTP request as this API decorates it. */
export interface ApiRequest extends IncomingMessage {
  /** Request id: the caller's `x-request-id` when sane, else a fresh UUID. Echoed in the response. */
  id: string;
  /** Child logger carrying the request id. */
  log: Logger;
  auth?: AuthContext;
}
