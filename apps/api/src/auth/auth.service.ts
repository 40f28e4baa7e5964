import { MemberCredentialsRepository, type UserProfile, UserRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type {
  LoginBody,
  LoginResponseDto,
  SessionDto,
  TotpLoginBody,
  UpdateMeBody,
  UserDto,
} from './auth.dto.js';
import { PASSWORD_HASHER, type PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';
import { TotpService } from './totp.service.js';

/** One message for both failures, so a response never tells whether an email has an account. */
const INVALID_CREDENTIALS = 'invalid email or password';

@Injectable()
export class AuthService {
  /** Hash compared against when the email is unknown, so both failures take the same time. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(TotpService) private readonly totp: TotpService,
    @Inject(MemberCredentialsRepository) private readonly credentials: MemberCredentialsRepository,
  ) {}

  /** A session, or the TOTP challenge when the person switched the second factor on. */
  async login({ email, password }: LoginBody): Promise<LoginResponseDto> {
    const user = await this.users.findCredentialsByEmail(email);
    this.decoyHash ??= this.passwords.hash('decoy password for unknown users');
    const matches = await this.passwords.verify(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !matches) {
      throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    if (await this.totp.isEnabled(user.id)) {
      return { totpRequired: true, challenge: await this.tokens.signTotpChallenge(user.id) };
    }
    return this.session(user);
  }

  /** The second step of a login with TOTP: the challenge of the first step plus a current code. */
  async loginTotp({ challenge, code }: TotpLoginBody): Promise<SessionDto> {
    const userId = await this.tokens.verifyTotpChallenge(challenge);
    const user = await this.credentials.profile(userId);
    if (!user || !(await this.totp.verifyLogin(userId, code))) {
      throw new AppError('INVALID_CREDENTIALS', 'invalid or already used code');
    }
    return this.session(user);
  }

  /** A new session for a person who just proved who they are (login, accepted invitation). */
  async session(user: UserProfile): Promise<SessionDto> {
    const token = await this.tokens.sign({ userId: user.id, tenantId: user.tenantId, role: user.role });
    return { token, user: toUserDto(user) };
  }

  /** The caller's own profile; a token whose user was deleted since no longer authenticates. */
  async me(auth: Pick<AuthContext, 'userId' | 'tenantId'>): Promise<UserDto> {
    const user = await this.users.findProfile(auth.tenantId, auth.userId);
    if (!user) {
      throw new AppError('UNAUTHENTICATED', 'user no longer exists');
    }
    return toUserDto(user);
  }

  /** Changes the caller's own profile (today: the language their mails go out in). */
  async updateMe(auth: Pick<AuthContext, 'userId' | 'tenantId'>, body: UpdateMeBody): Promise<UserDto> {
    const user = await this.users.setLocale(auth.tenantId, auth.userId, body.locale);
    if (!user) {
      throw new AppError('UNAUTHENTICATED', 'user no longer exists');
    }
    return toUserDto(user);
  }
}

function toUserDto(user: UserProfile): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tenantId: user.tenantId,
    locale: user.locale,
  };
}
