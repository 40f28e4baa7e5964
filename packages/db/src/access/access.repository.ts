import type { PrismaClient } from '../client.js';
import type { OrgKind, Role } from '../generated/prisma/enums.js';
import type { AccessScope } from './access-scope.js';

/** Who is calling, as the database says now (not as a token said when it was issued). */
export interface Principal {
  userId: string;
  /** The caller's own organisation. */
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  scope: AccessScope;
  /**
   * When the scope next shrinks by itself: the earliest expiry among the support grants in it,
   * or null. A live stream re-resolves its caller at this moment at the latest.
   */
  scopeChangesAt: Date | null;
  /** Sessions issued before this were ended (a password reset); null when none was. */
  sessionsValidAfter: Date | null;
}

/** Roles that work on every site their organisation manages. */
const ORG_WIDE_ROLES: ReadonlySet<Role> = new Set<Role>(['org_admin', 'installer', 'technician', 'support']);

/**
 * Resolves a user id into its principal: role and organisation, the owner's invited sites, and the
 * sites the organisation holds an active support grant for (now < expires_at, not revoked). Read
 * on every request, so a role change, an expiry or a revoke takes effect on the next one.
 */
export class AccessRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async principalOf(userId: string, now: Date = new Date()): Promise<Principal | null> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        tenantId: true,
        role: true,
        sessionsValidAfter: true,
        tenant: { select: { kind: true } },
        siteMemberships: { select: { siteId: true }, orderBy: { siteId: 'asc' } },
      },
    });
    if (!user) {
      return null;
    }
    const orgWide = ORG_WIDE_ROLES.has(user.role);
    const grants = orgWide
      ? await this.prisma.supportGrant.findMany({
          where: { granteeTenantId: user.tenantId, revokedAt: null, expiresAt: { gt: now } },
          select: { siteId: true, expiresAt: true },
        })
      : [];
    const siteIds = new Set<string>(user.role === 'owner' ? user.siteMemberships.map((m) => m.siteId) : []);
    for (const g of grants) {
      siteIds.add(g.siteId);
    }
    const expiries = grants.map((g) => g.expiresAt.getTime());
    return {
      userId: user.id,
      orgId: user.tenantId,
      orgKind: user.tenant.kind,
      role: user.role,
      scope: { orgId: orgWide ? user.tenantId : null, siteIds: [...siteIds].sort() },
      scopeChangesAt: expiries.length > 0 ? new Date(Math.min(...expiries)) : null,
      sessionsValidAfter: user.sessionsValidAfter,
    };
  }
}
