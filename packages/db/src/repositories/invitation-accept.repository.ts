import type { PrismaClient } from '../client.js';
import type { Role } from '../generated/prisma/enums.js';
import { profileSelect, toUserProfile, type UserLocale, type UserProfile } from './user.repository.js';

/** An invitation that can still be accepted. */
export interface OpenInvitation {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  siteIds: string[];
  invitedBy: string;
}

/**
 * The public side of invitations: the caller is not signed in, the token is the proof. Runs on
 * the system connection (no scope exists yet). Each accept marks the invitation used in the same
 * transaction as its effect, conditionally, so a token works exactly once.
 */
export class InvitationAcceptRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findOpen(tokenHash: string, now: Date): Promise<OpenInvitation | null> {
    return this.prisma.invitation.findFirst({
      where: { tokenHash, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, tenantId: true, email: true, role: true, siteIds: true, invitedBy: true },
    });
  }

  /** Creates the invited user (and an owner's site memberships); null if the token was used meanwhile. */
  async acceptAsNewUser(
    invitation: OpenInvitation,
    person: { name: string; passwordHash: string; locale?: UserLocale },
    now: Date,
  ): Promise<UserProfile | null> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await markAccepted(tx, invitation.id, now))) {
        return null;
      }
      const user = await tx.user.create({
        data: {
          tenantId: invitation.tenantId,
          email: invitation.email,
          name: person.name,
          passwordHash: person.passwordHash,
          role: invitation.role,
          ...(person.locale ? { locale: person.locale } : {}),
        },
        select: profileSelect,
      });
      await addSites(tx, invitation, user.id);
      return toUserProfile(user);
    });
  }

  /** Adds the invitation's sites to an existing owner account; false if the token was used meanwhile. */
  async acceptForExistingOwner(invitation: OpenInvitation, userId: string, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await markAccepted(tx, invitation.id, now))) {
        return false;
      }
      await addSites(tx, invitation, userId);
      return true;
    });
  }
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

async function markAccepted(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.invitation.updateMany({
    where: { id, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  return count === 1;
}

/** Site memberships of an owner invitation, only for sites the inviting organisation still manages. */
async function addSites(tx: Tx, invitation: OpenInvitation, userId: string): Promise<void> {
  if (invitation.role !== 'owner' || invitation.siteIds.length === 0) {
    return;
  }
  const sites = await tx.site.findMany({
    where: { tenantId: invitation.tenantId, id: { in: invitation.siteIds } },
    select: { id: true },
  });
  await tx.siteMember.createMany({
    data: sites.map((s) => ({ siteId: s.id, userId, createdBy: invitation.invitedBy })),
    skipDuplicates: true,
  });
}
