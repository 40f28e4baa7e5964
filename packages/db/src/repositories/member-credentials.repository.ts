import type { PrismaClient } from '../client.js';
import { profileSelect, toUserProfile, type UserProfile } from './user.repository.js';

/** A member's second factor as stored: the sealed secret and whether it is switched on. */
export interface TotpState {
  sealedSecret: string | null;
  enabledAt: Date | null;
}

/**
 * A person's own credentials beyond the password hash: the session cut-off a password reset sets,
 * and the TOTP second factor. Keyed by user id only: every caller is either the person (their id
 * comes from a verified token or challenge) or a public flow that proved a one-time token.
 */
export class MemberCredentialsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Session tokens issued before this instant are refused; null: no cut-off. undefined: no user. */
  async sessionsValidAfter(userId: string): Promise<Date | null | undefined> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { sessionsValidAfter: true },
    });
    return user ? user.sessionsValidAfter : undefined;
  }

  /** The person's profile by id alone (the TOTP step of a login knows only the user id). */
  async profile(userId: string): Promise<UserProfile | null> {
    const row = await this.prisma.user.findUnique({ where: { id: userId }, select: profileSelect });
    return row ? toUserProfile(row) : null;
  }

  async totp(userId: string): Promise<TotpState | null> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { totpSecret: true, totpEnabledAt: true },
    });
    return user ? { sealedSecret: user.totpSecret, enabledAt: user.totpEnabledAt } : null;
  }

  /** Stores a new, not yet enabled secret; false when a second factor is already enabled. */
  async setPendingTotp(userId: string, sealedSecret: string): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecret: sealedSecret, totpLastStep: null },
    });
    return count === 1;
  }

  async enableTotp(userId: string, at: Date): Promise<void> {
    await this.prisma.user.update({ where: { id: userId }, data: { totpEnabledAt: at } });
  }

  async disableTotp(userId: string): Promise<void> {
    await this.prisma.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
  }

  /**
   * Records that the code of time step `step` was used; false when that step (or a later one)
   * was used already, so an overheard code cannot be replayed within its 30 s window.
   */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const claimed = await this.prisma.$executeRaw`
      UPDATE app_user SET totp_last_step = ${BigInt(step)}
       WHERE id = ${userId}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${BigInt(step)})`;
    return claimed === 1;
  }
}
