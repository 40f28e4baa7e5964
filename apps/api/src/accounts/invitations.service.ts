import { DEFAULT_USER_LOCALE, InvitationRepository, type InvitationRow, UserRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { newOneTimeToken } from '../auth/secret-hash.js';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { AccountMailer } from './account-mailer.js';
import { invitationMail } from './account-mails.js';
import type { CreatedInvitationDto, CreateInvitationBody, InvitationDto } from './invitations.dto.js';

/** How long an invitation link works. */
const INVITATION_TTL_MS = 7 * 86_400_000;
const NOT_FOUND = 'no such invitation in your organisation';

/**
 * Invitations of the caller's organisation. Org admins invite any role; installers invite only
 * owners, to sites of their organisation. The link carries a one-time token whose hash is stored.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(InvitationRepository) private readonly invitations: InvitationRepository,
    @Inject(AccountMailer) private readonly mailer: AccountMailer,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {}

  async create(auth: AuthContext, body: CreateInvitationBody): Promise<CreatedInvitationDto> {
    const siteIds = [...new Set(body.siteIds ?? [])];
    await this.checkAllowed(auth, body.role, siteIds);
    const email = body.email.trim().toLowerCase();
    const existing = await this.invitations.memberRoleByEmail(auth.tenantId, email);
    if (existing && !(existing === 'owner' && body.role === 'owner')) {
      throw new AppError('CONFLICT', 'email: already a member of your organisation');
    }
    const { token, hash } = newOneTimeToken();
    const row = await this.invitations.create({
      tenantId: auth.tenantId,
      email,
      role: body.role,
      siteIds,
      tokenHash: hash,
      invitedBy: auth.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const orgName = await this.invitations.organisationName(auth.tenantId);
    // The invitee has no language yet: the one the inviter chose, else the inviter's own.
    const locale =
      body.locale ??
      (await this.users.findProfile(auth.tenantId, auth.userId))?.locale ??
      DEFAULT_USER_LOCALE;
    const content = invitationMail(
      { orgName, role: body.role, link: this.mailer.link('accept-invite', token) },
      locale,
    );
    const mailed = await this.mailer.send(email, content, 'invitation');
    return { ...toDto(row), mailed };
  }

  async listPending(auth: AuthContext): Promise<InvitationDto[]> {
    return (await this.invitations.listPending(auth.tenantId, new Date())).map(toDto);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const row = await this.invitations.find(auth.tenantId, id);
    if (!row) {
      throw new AppError('NOT_FOUND', NOT_FOUND);
    }
    if (auth.role !== 'org_admin' && row.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'installers may withdraw only owner invitations');
    }
    await this.invitations.delete(auth.tenantId, id);
  }

  private async checkAllowed(
    auth: AuthContext,
    role: InvitationRow['role'],
    siteIds: string[],
  ): Promise<void> {
    if (auth.role !== 'org_admin' && role !== 'owner') {
      throw new AppError('FORBIDDEN', 'installers may invite only owners');
    }
    if (role !== 'owner' && siteIds.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'siteIds: only for role owner');
    }
    if (role === 'owner' && auth.role !== 'org_admin' && siteIds.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'siteIds: name at least one site for the owner');
    }
    if (
      siteIds.length > 0 &&
      (await this.invitations.countOwnSites(auth.tenantId, siteIds)) !== siteIds.length
    ) {
      throw new AppError('NOT_FOUND', 'siteIds: a site is not one of your organisation');
    }
  }
}

function toDto(row: InvitationRow): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    siteIds: row.siteIds,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
