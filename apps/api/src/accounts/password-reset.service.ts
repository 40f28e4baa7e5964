import { PasswordResetRepository, UserRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { PASSWORD_HASHER, type PasswordHasher } from '../auth/password-hasher.js';
import { newOneTimeToken, sha256Hex } from '../auth/secret-hash.js';
import { AppError } from '../common/app-error.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { AccountMailer } from './account-mailer.js';
import { passwordResetMail } from './account-mails.js';

/** How long a reset link works. */
const RESET_TTL_MS = 3_600_000;

/**
 * Password reset by email. The request answers the same, at once, whether or not the email has
 * an account: the lookup, the token and the mail happen after the response, so neither the body
 * nor the timing tells. Confirming sets the password and ends every older session.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger: Logger;

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PasswordResetRepository) private readonly resets: PasswordResetRepository,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    @Inject(AccountMailer) private readonly mailer: AccountMailer,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'password-reset' });
  }

  /** Returns at once; the work runs behind the response (failures are logged, never answered). */
  request(email: string): void {
    this.mailReset(email).catch((error: unknown) =>
      this.logger.error({ err: error }, 'password reset request failed'),
    );
  }

  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    const userId = await this.resets.consume(sha256Hex(token), passwordHash, new Date());
    if (!userId) {
      throw new AppError('VALIDATION_FAILED', 'token: unknown, used or expired reset link');
    }
    this.logger.info({ userId }, 'password reset; older sessions ended');
  }

  private async mailReset(email: string): Promise<void> {
    const user = await this.users.findCredentialsByEmail(email);
    if (!user) {
      return;
    }
    const { token, hash } = newOneTimeToken();
    await this.resets.create(user.id, hash, new Date(Date.now() + RESET_TTL_MS));
    await this.mailer.send(
      user.email,
      passwordResetMail({ link: this.mailer.link('reset-password', token) }, user.locale),
      'password-reset',
    );
  }
}
