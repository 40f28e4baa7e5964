/**
 * What one caller may see: every site of the organisation `orgId` manages, plus the listed sites
 * (an owner's invitations, a support desk's active grants). The API resolves it per request from
 * the database (access.repository.ts), so a changed role, an expired or a revoked grant counts at once.
 */
export interface AccessScope {
  /** The organisation whose managed sites are visible, or null (owners, support desks). */
  readonly orgId: string | null;
  /** Sites visible beyond the organisation's own. */
  readonly siteIds: readonly string[];
}

/** The scope of a process acting for one organisation (ingest, workers, tests): its own sites. */
export function orgScope(orgId: string): AccessScope {
  return { orgId, siteIds: [] };
}

/** The scope that sees nothing; what an unknown or disabled caller gets. */
export const EMPTY_SCOPE: AccessScope = { orgId: null, siteIds: [] };

/** A scope may be given as a bare tenant id where a caller acts for its whole organisation. */
export type ScopeArg = AccessScope | string;

export function toScope(arg: ScopeArg): AccessScope {
  return typeof arg === 'string' ? orgScope(arg) : arg;
}

/** Whether a site (with its managing organisation) is inside the scope. */
export function scopeAdmits(scope: AccessScope, site: { id: string; tenantId: string }): boolean {
  return (scope.orgId !== null && site.tenantId === scope.orgId) || scope.siteIds.includes(site.id);
}
