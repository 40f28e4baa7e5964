import type { UserRole } from '@fleet/db';

/** Scopes an API key can carry. */
export const API_KEY_SCOPES = ['read', 'alarms'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * The role whose routes an API key may use: `support` is the narrowest role that reads
 * everything in scope and handles alarms, and nothing else (docs/access.md).
 */
export const API_KEY_ROLE: UserRole = 'support';

/**
 * Whether a key may call a route. A key acts for its organisation (all its sites), never for a
 * person, so:
 * - only routes whose access rule admits `support` (reads and alarm handling);
 * - `read`: only GET (and HEAD);
 * - `alarms`: also the non-GET routes among those, i.e. alarm handling;
 * - never the caller's own person routes under /api/me (preferences, push, TOTP).
 */
export function apiKeyAllows(
  scopes: readonly string[],
  request: { method: string; path: string },
  ruleRoles: readonly UserRole[],
): boolean {
  if (!ruleRoles.includes(API_KEY_ROLE) || /^\/api\/me(\/|$|\?)/.test(request.path)) {
    return false;
  }
  const reading = request.method === 'GET' || request.method === 'HEAD';
  return reading ? scopes.includes('read') : scopes.includes('alarms');
}
