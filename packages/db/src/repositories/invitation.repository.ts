import type { PrismaClient } from '../client.js';
import type { Role } from '../generated/prisma/enums.js';

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  siteIds: string[];
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewInvitation {
  tenantId: string;
  email: string;
  role: Role;
  siteIds: string[];
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
}

const select = {
  id: true,
  email: true,
  role: true,
  siteIds: true,
  invitedBy: true,
  createdAt: true,
  expiresAt: true,
} as const;

/**
 * An organisation's invitations, for its admins and installers (org-level data, filtered by the
 * caller's tenant id and, under the scoped connection, by row-level security). Accepting one is
 * a public flow: InvitationAcceptRepository.
 */
export class InvitationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(invitation: NewInvitation): Promise<InvitationRow> {
    return this.prisma.invitation.create({ data: invitation, select });
  }

  /** Not accepted and not expired, newest first. */
  async listPending(tenantId: string, now: Date): Promise<InvitationRow[]> {
    return this.prisma.invitation.findMany({
      where: { tenantId, acceptedAt: null, expiresAt: { gt: now } },
      select,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  }

  async find(tenantId: string, id: string): Promise<InvitationRow | null> {
    return this.prisma.invitation.findFirst({ where: { id, tenantId }, select });
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.invitation.deleteMany({ where: { id, tenantId } });
    return count === 1;
  }

  /** How many of `siteIds` the organisation manages (all of them, or the invitation is refused). */
  async countOwnSites(tenantId: string, siteIds: readonly string[]): Promise<number> {
    return this.prisma.site.count({ where: { tenantId, id: { in: [...siteIds] } } });
  }

  async organisationName(tenantId: string): Promise<string> {
    const tenant = await this.prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
    return tenant?.name ?? 'your organisation';
  }

  /** The role of the organisation's member with this email (any case), or null. */
  async memberRoleByEmail(tenantId: string, email: string): Promise<Role | null> {
    const user = await this.prisma.user.findFirst({
      where: { tenantId, email: { equals: email, mode: 'insensitive' } },
      select: { role: true },
    });
    return user?.role ?? null;
  }
}
