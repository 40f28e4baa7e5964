import type { PrismaClient } from '../client.js';
import { ACCESS_CHANNEL } from './support-grant.repository.js';

/**
 * One-time password reset tokens (only their SHA-256 is stored). Public flows only, on the
 * system connection: the API's scoped role has no access to the table at all.
 */
export class PasswordResetRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.prisma.passwordReset.create({ data: { userId, tokenHash, expiresAt } });
  }

  /**
   * Uses the token: in one transaction marks it used (only if unused and unexpired), sets the new
   * password hash, cuts off every session issued before `now`, and voids the user's other
   * outstanding reset tokens. Returns the user id, or null for an unknown, used or expired token.
   */
  async consume(tokenHash: string, passwordHash: string, now: Date): Promise<string | null> {
    return this.prisma.$transaction(async (tx) => {
      const used = await tx.passwordReset.updateManyAndReturn({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
        select: { userId: true },
      });
      const userId = used[0]?.userId;
      if (!userId) {
        return null;
      }
      await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionsValidAfter: now } });
      await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
      // Open live streams of this user look again and end (their sessions are now void).
      const payload = JSON.stringify({ kind: 'password-reset', userId });
      await tx.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${payload})`;
      return userId;
    });
  }
}
