import type { PrismaClient } from '../client.js';
import type { Role } from '../generated/prisma/enums.js';
import { ACCESS_CHANNEL } from './support-grant.repository.js';

/** A member of an organisation as its admins see it. */
export interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  totpEnabled: boolean;
  createdAt: Date;
}

/** Why a role change or a removal was refused; `ok` otherwise. */
export type MemberChange = 'ok' | 'not-found' | 'last-admin';

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  totpEnabledAt: true,
  createdAt: true,
} as const;

function toRow(u: { totpEnabledAt: Date | null } & Omit<MemberRow, 'totpEnabled'>): MemberRow {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    totpEnabled: u.totpEnabledAt !== null,
    createdAt: u.createdAt,
  };
}

/**
 * The members of one organisation (org-level data: always filtered by the caller's tenant id).
 * Role changes and removals lock the organisation's admins first, so two concurrent demotions
 * cannot leave an organisation without any org_admin, and announce themselves on `fleet_access`.
 */
export class MemberRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async list(tenantId: string): Promise<MemberRow[]> {
    const users = await this.prisma.user.findMany({
      where: { tenantId },
      select,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return users.map(toRow);
  }

  async find(tenantId: string, id: string): Promise<MemberRow | null> {
    const user = await this.prisma.user.findFirst({ where: { id, tenantId }, select });
    return user ? toRow(user) : null;
  }

  async changeRole(tenantId: string, id: string, role: Role): Promise<MemberChange> {
    return this.withAdminsLocked(tenantId, id, role === 'org_admin', (tx) =>
      tx.user.update({ where: { id }, data: { role } }),
    );
  }

  async remove(tenantId: string, id: string): Promise<MemberChange> {
    return this.withAdminsLocked(tenantId, id, false, (tx) => tx.user.delete({ where: { id } }));
  }

  /** Runs `change` unless the member is unknown or it would take away the last org_admin. */
  private withAdminsLocked(
    tenantId: string,
    id: string,
    staysAdmin: boolean,
    change: (tx: Pick<PrismaClient, 'user'>) => Promise<unknown>,
  ): Promise<MemberChange> {
    return this.prisma.$transaction(async (tx) => {
      const admins = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM app_user WHERE tenant_id = ${tenantId}::uuid AND role = 'org_admin' FOR UPDATE`;
      const member = await tx.user.findFirst({ where: { id, tenantId }, select: { role: true } });
      if (!member) {
        return 'not-found';
      }
      const lastAdmin = member.role === 'org_admin' && admins.length <= 1;
      if (lastAdmin && !staysAdmin) {
        return 'last-admin';
      }
      await change(tx);
      // Open live streams of this user look at their access again once this commits
      // (the channel support grants use; apps/api/src/live/access-change.ts reads `userId`).
      const payload = JSON.stringify({ kind: 'member', userId: id });
      await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${payload})`;
      return 'ok';
    });
  }
}
