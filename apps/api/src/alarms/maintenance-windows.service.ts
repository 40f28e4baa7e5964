import { MaintenanceWindowRepository, type MaintenanceWindowRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { mayActOnAlarms } from './alarm-permissions.js';
import type {
  MaintenanceWindowBody,
  MaintenanceWindowDto,
  MaintenanceWindowListQuery,
  MaintenanceWindowUpdate,
} from './maintenance-windows.dto.js';

/** Maintenance windows: alarms of the site during one are recorded with notify false. */
@Injectable()
export class MaintenanceWindowsService {
  constructor(@Inject(MaintenanceWindowRepository) private readonly repo: MaintenanceWindowRepository) {}

  async list(tenantId: string, q: MaintenanceWindowListQuery): Promise<MaintenanceWindowDto[]> {
    const rows = await this.repo.list(tenantId, {
      ...(q.site ? { siteId: q.site } : {}),
      ...(q.current === 'true' ? { endingAfter: new Date() } : {}),
    });
    return rows.map(toDto);
  }

  async create(auth: AuthContext, body: MaintenanceWindowBody): Promise<MaintenanceWindowDto> {
    this.assertMay(auth);
    const row = await this.repo.create(auth.tenantId, {
      ...fields(body),
      siteId: body.siteId,
      createdBy: auth.userId,
    });
    if (!row) {
      throw new AppError('NOT_FOUND', `site ${body.siteId} not found`);
    }
    return toDto(row);
  }

  async update(auth: AuthContext, id: string, body: MaintenanceWindowUpdate): Promise<MaintenanceWindowDto> {
    this.assertMay(auth);
    const row = await this.repo.update(auth.tenantId, id, fields(body));
    if (!row) {
      throw new AppError('NOT_FOUND', `maintenance window ${id} not found`);
    }
    return toDto(row);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    this.assertMay(auth);
    if (!(await this.repo.remove(auth.tenantId, id))) {
      throw new AppError('NOT_FOUND', `maintenance window ${id} not found`);
    }
  }

  private assertMay(auth: AuthContext): void {
    if (!mayActOnAlarms(auth, 'edit-maintenance')) {
      throw new AppError('FORBIDDEN', 'your role may not change maintenance windows');
    }
  }
}

function fields(body: MaintenanceWindowUpdate) {
  return { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), reason: body.reason };
}

function toDto(r: MaintenanceWindowRow): MaintenanceWindowDto {
  return {
    id: r.id,
    siteId: r.siteId,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}
