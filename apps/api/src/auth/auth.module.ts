import { hashPassword, verifyPassword } from '@fleet/db';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { PASSWORD_HASHER, type PasswordHasher } from './password-hasher.js';
import { TokenService } from './token.service.js';

const scryptHasher: PasswordHasher = { hash: hashPassword, verify: verifyPassword };

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    { provide: PASSWORD_HASHER, useValue: scryptHasher },
    // Global: every route of every module is protected unless marked @Public().
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
