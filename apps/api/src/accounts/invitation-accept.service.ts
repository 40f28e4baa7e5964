import { InvitationAcceptRepository, type OpenInvitation, type UserProfile, UserRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import type { SessionDto } from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../auth/password-hasher.js';
import { sha256Hex } from '../auth/secret-hash.js';
import { AppError } from '../common/app-error.js';
import { type AcceptInvitationBody, newPasswordSchema } from './invitations.dto.js';

const BAD_TOKEN = 'token: unknown, used or expired invitation';

/**
 * Accepting an invitation (public: the token is the proof). A new email becomes a member with
 * the invited role; an existing owner account of the same organisation gets the invited sites,
 * after proving its password (the mailed token alone must not sign anyone into an existing account).
 */
@Injectable()
export class InvitationAcceptService {
  constructor(
    @Inject(InvitationAcceptRepository) private readonly invitations: InvitationAcceptRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async accept(body: AcceptInvitationBody): Promise<SessionDto> {
    const now = new Date();
    const invitation = await this.invitations.findOpen(sha256Hex(body.token), now);
    if (!invitation) {
      throw new AppError('VALIDATION_FAILED', BAD_TOKEN);
    }
    const existing = await this.users.findCredentialsByEmail(invitation.email);
    if (!existing) {
      const weak = newPasswordSchema.safeParse(body.password);
      if (!weak.success) {
        throw new AppError('VALIDATION_FAILED', `password: ${weak.error.issues[0]?.message ?? 'too weak'}`);
      }
    }
    const user = existing
      ? await this.joinExisting(invitation, existing, body.password, now)
      : await this.invitations.acceptAsNewUser(
          invitation,
          {
            name: body.name,
            passwordHash: await this.passwords.hash(body.password),
            ...(body.locale ? { locale: body.locale } : {}),
          },
          now,
        );
    if (!user) {
      throw new AppError('VALIDATION_FAILED', BAD_TOKEN);
    }
    return this.auth.session(user);
  }

  private async joinExisting(
    invitation: OpenInvitation,
    user: UserProfile & { passwordHash: string },
    password: string,
    now: Date,
  ): Promise<UserProfile | null> {
    const sameOwner =
      user.tenantId === invitation.tenantId && user.role === 'owner' && invitation.role === 'owner';
    if (!sameOwner) {
      throw new AppError('CONFLICT', 'this email already has an account; ask for an invitation to it');
    }
    if (!(await this.passwords.verify(password, user.passwordHash))) {
      throw new AppError('INVALID_CREDENTIALS', 'wrong password for the existing account');
    }
    return (await this.invitations.acceptForExistingOwner(invitation, user.id, now)) ? user : null;
  }
}
