import { type AuditEventInput, type AuditTargetRepository, scopeAdmits } from '@fleet/db';
import type { AuditDraft } from './audit-draft.js';

/**
 * Turns a draft into the rows to write, deciding whose data the request touched:
 * - a target the caller's scope admits → that target's organisation and site;
 * - a target it does not admit (a refused probe, a 404) → the caller's own organisation, and the
 *   target id is dropped, so a row the caller's organisation reads never names a foreign owner;
 * - no target, a support-desk caller → one row per organisation that granted it the sites in its
 *   scope (each sees that the desk looked), or its own organisation when it holds no grant.
 */
export async function auditRowsOf(
  draft: AuditDraft,
  targets: AuditTargetRepository,
): Promise<AuditEventInput[]> {
  const owner = await visibleOwner(draft, targets);
  const base = {
    actorUserId: draft.auth.userId,
    actorTenantId: draft.auth.tenantId,
    actorRole: draft.auth.role,
    action: draft.action,
    verb: draft.verb,
    targetType: draft.targetType,
    status: draft.status,
    ip: draft.ip,
    userAgent: draft.userAgent,
    requestId: draft.requestId,
    at: draft.at,
  };
  if (owner) {
    return [{ ...base, tenantId: owner.tenantId, siteId: owner.siteId, targetId: owner.targetId }];
  }
  const targetId = keepsUnresolvedTarget(draft, targets) ? draft.targetId : null;
  const granted = draft.auth.orgKind === 'support_desk' ? await grantingOrgs(draft, targets) : [];
  const tenants = granted.length > 0 ? granted : [draft.auth.tenantId];
  return tenants.map((tenantId) => ({ ...base, tenantId, siteId: null, targetId }));
}

async function visibleOwner(
  draft: AuditDraft,
  targets: AuditTargetRepository,
): Promise<{ tenantId: string; siteId: string | null; targetId: string | null } | null> {
  // A 404 says the target is not the caller's to know about, whoever holds it.
  if (draft.status === 404) {
    return null;
  }
  const byTarget =
    draft.targetType !== null && draft.targetId !== null
      ? await targets.ownerOf(draft.targetType, draft.targetId)
      : null;
  if (byTarget && admits(draft, byTarget)) {
    return { ...byTarget, targetId: draft.targetId };
  }
  const bySite = draft.siteHint === null ? null : await targets.ownerOf('site', draft.siteHint);
  if (bySite && admits(draft, bySite)) {
    return { ...bySite, targetId: null };
  }
  return null;
}

function admits(draft: AuditDraft, owner: { tenantId: string; siteId: string | null }): boolean {
  return scopeAdmits(draft.auth.scope, { id: owner.siteId ?? '', tenantId: owner.tenantId });
}

/** A target of a kind no table lookup knows (members, API keys) is named only if the call succeeded. */
function keepsUnresolvedTarget(draft: AuditDraft, targets: AuditTargetRepository): boolean {
  return draft.targetId !== null && !targets.knows(draft.targetType ?? '') && draft.status < 400;
}

async function grantingOrgs(draft: AuditDraft, targets: AuditTargetRepository): Promise<string[]> {
  const foreignSites = draft.auth.scope.siteIds;
  const orgs = await targets.tenantsOfSites(foreignSites);
  return orgs.filter((org) => org !== draft.auth.tenantId);
}
