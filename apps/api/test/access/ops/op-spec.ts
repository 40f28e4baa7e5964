import type { UserRole } from '@fleet/db';
import type { AccessWorld } from '../access-world.js';

/**
 * How the access walk (access-walk.medium.spec.ts) exercises one operation of the OpenAPI
 * document. Every operation needs one; the walk fails for an operation without an entry.
 */
export interface OpSpec {
  /** `METHOD /api/path/{param}` exactly as in the OpenAPI document. */
  op: string;
  /** Who may call it: must equal the route's `x-access` roles; 'public' for `@Public()` routes. */
  allowed: readonly UserRole[] | 'public';
  /**
   * What the foreign caller (org_admin of another installer organisation) must get when its role
   * is allowed: 'not-found' for an id of tenant A's data (404), 'own-data' for collections and
   * the caller's own things (2xx, and the body must not mention any of tenant A's ids).
   */
  foreign: 'not-found' | 'own-data';
  /**
   * A valid request for the given caller, built fresh for each call (create what it consumes:
   * a DELETE or a state change gets its own new resource in `world`, on tenant A's shared site).
   * `path` is the concrete path without the `/api` prefix.
   */
  request(world: AccessWorld, as: Caller): Promise<OpRequest> | OpRequest;
  /** Status an allowed caller gets; default: any 2xx. */
  okStatus?: number;
  /** A never-ending response (server-sent events): the walk reads the status and cancels the body. */
  stream?: boolean;
}

export interface OpRequest {
  path: string;
  body?: unknown;
  /** Extra headers (e.g. Accept for an export). */
  headers?: Record<string, string>;
}

/** The callers of the walk: one user per role of tenant A (support: a support desk with a grant on site A1). */
export type Caller = UserRole | 'foreign';
