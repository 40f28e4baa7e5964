import {
  ApiKeyRepository,
  InvitationAcceptRepository,
  InvitationRepository,
  MemberRepository,
  PasswordResetRepository,
  type PrismaClient,
} from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PRISMA } from '../access/access.tokens.js';
import { AuthModule } from '../auth/auth.module.js';
import { PRISMA } from '../database/database.tokens.js';
import { AccountMailer } from './account-mailer.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysService } from './api-keys.service.js';
import { InvitationAcceptService } from './invitation-accept.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { TotpController } from './totp.controller.js';

/** A repository on the request path's scoped connection (row-level security) or the system one. */
const on = <T>(token: symbol, Repo: new (prisma: PrismaClient) => T) => ({
  provide: Repo,
  useFactory: (prisma: PrismaClient) => new Repo(prisma),
  inject: [token],
});

/**
 * Accounts (issue 8): members, invitations, password reset, the caller's TOTP, API keys. The
 * signed-in routes run on the scoped connection; the public flows (accepting an invitation,
 * resetting a password) on the system one, since no caller scope exists before they succeed.
 */
@Module({
  imports: [AuthModule],
  controllers: [
    MembersController,
    InvitationsController,
    PasswordResetController,
    TotpController,
    ApiKeysController,
  ],
  providers: [
    AccountMailer,
    MembersService,
    InvitationsService,
    InvitationAcceptService,
    PasswordResetService,
    ApiKeysService,
    on(SCOPED_PRISMA, MemberRepository),
    on(SCOPED_PRISMA, InvitationRepository),
    on(SCOPED_PRISMA, ApiKeyRepository),
    on(PRISMA, InvitationAcceptRepository),
    on(PRISMA, PasswordResetRepository),
  ],
})
export class AccountsModule {}
