import { MemberCredentialsRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { SecretBox } from '../notifications/secret-box.js';
import { matchTotp, newTotpSecret, totpUri } from './totp-code.js';

/** Injection token of the SecretBox that seals TOTP secrets (its own key, apart from webhooks'). */
export const TOTP_SECRET_BOX = Symbol('TOTP_SECRET_BOX');

/**
 * The optional TOTP second factor of a person: setup (a pending secret), enable and disable (each
 * proven by a current code), and the check of a login's second step. A code's time step is
 * claimed when used, so the same code cannot be used twice.
 */
@Injectable()
export class TotpService {
  constructor(
    @Inject(MemberCredentialsRepository) private readonly credentials: MemberCredentialsRepository,
    @Inject(TOTP_SECRET_BOX) private readonly box: SecretBox,
  ) {}

  async setup(userId: string, email: string): Promise<{ secret: string; uri: string }> {
    const secret = newTotpSecret();
    if (!(await this.credentials.setPendingTotp(userId, this.box.seal(secret)))) {
      throw new AppError('CONFLICT', 'TOTP is already enabled; disable it first');
    }
    return { secret, uri: totpUri(secret, email) };
  }

  async enable(userId: string, code: string): Promise<void> {
    const state = await this.credentials.totp(userId);
    if (state?.enabledAt) {
      throw new AppError('CONFLICT', 'TOTP is already enabled');
    }
    if (!state?.sealedSecret) {
      throw new AppError('CONFLICT', 'no TOTP setup to confirm; call POST /api/me/totp/setup first');
    }
    await this.requireCode(userId, state.sealedSecret, code);
    await this.credentials.enableTotp(userId, new Date());
  }

  async disable(userId: string, code: string): Promise<void> {
    const state = await this.credentials.totp(userId);
    if (!state?.enabledAt || !state.sealedSecret) {
      throw new AppError('CONFLICT', 'TOTP is not enabled');
    }
    await this.requireCode(userId, state.sealedSecret, code);
    await this.credentials.disableTotp(userId);
  }

  /** Whether the person has the second factor switched on. */
  async isEnabled(userId: string): Promise<boolean> {
    return Boolean((await this.credentials.totp(userId))?.enabledAt);
  }

  /** The second step of a login: a valid, unused code of an enabled second factor. */
  async verifyLogin(userId: string, code: string): Promise<boolean> {
    const state = await this.credentials.totp(userId);
    if (!state?.enabledAt || !state.sealedSecret) {
      return false;
    }
    return this.accepts(userId, state.sealedSecret, code);
  }

  private async requireCode(userId: string, sealed: string, code: string): Promise<void> {
    if (!(await this.accepts(userId, sealed, code))) {
      throw new AppError('VALIDATION_FAILED', 'code: not the current code of your authenticator');
    }
  }

  private async accepts(userId: string, sealed: string, code: string): Promise<boolean> {
    const step = matchTotp(this.box.open(sealed), code, Date.now());
    return step !== null && (await this.credentials.claimTotpStep(userId, step));
  }
}
