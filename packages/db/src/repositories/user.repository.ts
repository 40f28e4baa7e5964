import type { PrismaClient } from '../client.js';
import type { Role } from '../generated/prisma/enums.js';

export type UserRole = Role;

/** What a signed-in user may see about themselves. */
export interface UserProfile {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: UserRole;
}

/** A profile plus the stored password hash; only the login path ever reads this. */
export interface UserCredentials extends UserProfile {
  passwordHash: string;
}

const profileSelect = { id: true, tenantId: true, email: true, name: true, role: true } as const;

export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The one lookup that is not tenant-scoped: at login the tenant is not known yet, and an
   * email is unique across tenants. An exact match wins; otherwise the address is compared
   * case-insensitively, because people type it in whatever case they like.
   */
  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const select = { ...profileSelect, passwordHash: true } as const;
    const exact = await this.prisma.user.findUnique({ where: { email }, select });
    return (
      exact ??
      this.prisma.user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select })
    );
  }

  async findProfile(tenantId: string, userId: string): Promise<UserProfile | null> {
    return this.prisma.user.findFirst({ where: { id: userId, tenantId }, select: profileSelect });
  }
}
