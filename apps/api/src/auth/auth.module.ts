import {
  ApiKeyAuthRepository,
  hashPassword,
  MemberCredentialsRepository,
  type PrismaClient,
  verifyPassword,
} from '@fleet/db';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { PRISMA } from '../database/database.tokens.js';
import { SecretBox } from '../notifications/secret-box.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { PASSWORD_HASHER, type PasswordHasher } from './password-hasher.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { TokenService } from './token.service.js';
import { TOTP_SECRET_BOX, TotpService } from './totp.service.js';

const scryptHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

/**
 * Sign-in and the global guard. The credential repositories run on the system connection: the
 * guard and the public routes use them before any scope exists, and they touch only the
 * person's own row (or the presented key's).
 */
@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    TotpService,
    RateLimitGuard,
    { provide: PASSWORD_HASHER, useValue: scryptHasher },
    {
      provide: RateLimiter,
      useFactory: (config: AppConfig) => new RateLimiter(config.accounts.rateLimit.windowMs),
      inject: [APP_CONFIG],
    },
    {
      provide: TOTP_SECRET_BOX,
      useFactory: (config: AppConfig) => new SecretBox(config.accounts.totpKey),
      inject: [APP_CONFIG],
    },
    {
      provide: MemberCredentialsRepository,
      useFactory: (prisma: PrismaClient) => new MemberCredentialsRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: ApiKeyAuthRepository,
      useFactory: (prisma: PrismaClient) => new ApiKeyAuthRepository(prisma),
      inject: [PRISMA],
    },
    // Global: every route of every module is protected unless marked @Public().
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AuthService,
    TokenService,
    TotpService,
    RateLimiter,
    RateLimitGuard,
    PASSWORD_HASHER,
    MemberCredentialsRepository,
  ],
})
export class AuthModule {}
