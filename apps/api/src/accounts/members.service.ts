import { MemberRepository, type MemberRow, type UserRole } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { MemberDto } from './members.dto.js';

const NOT_FOUND = 'no such member in your organisation';

/** The caller's organisation's members: list, change a role, remove; never the last org_admin. */
@Injectable()
export class MembersService {
  constructor(@Inject(MemberRepository) private readonly members: MemberRepository) {}

  async list(auth: AuthContext): Promise<MemberDto[]> {
    return (await this.members.list(auth.tenantId)).map(toDto);
  }

  async changeRole(auth: AuthContext, id: string, role: UserRole): Promise<MemberDto> {
    const outcome = await this.members.changeRole(auth.tenantId, id, role);
    this.check(outcome);
    const member = await this.members.find(auth.tenantId, id);
    if (!member) {
      throw new AppError('NOT_FOUND', NOT_FOUND);
    }
    return toDto(member);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    if (id === auth.userId) {
      throw new AppError('CONFLICT', 'you cannot remove yourself; another org_admin can');
    }
    this.check(await this.members.remove(auth.tenantId, id));
  }

  private check(outcome: 'ok' | 'not-found' | 'last-admin'): void {
    if (outcome === 'not-found') {
      throw new AppError('NOT_FOUND', NOT_FOUND);
    }
    if (outcome === 'last-admin') {
      throw new AppError('CONFLICT', 'the organisation would have no org_admin left');
    }
  }
}

function toDto(m: MemberRow): MemberDto {
  return { ...m, createdAt: m.createdAt.toISOString() };
}
