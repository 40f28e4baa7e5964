import {
  type FleetListOptions,
  type FleetListRow,
  type FleetListSort,
  FleetRepository,
  type FleetStatus,
  InvalidFleetListCursorError,
  type ScopeArg,
} from '@fleet/db';
import type { AlarmSeverity } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import type { FleetPageDto, FleetQuery, FleetSitesDto } from './fleet.dto.js';

/** The fleet view: the strings in the caller's scope, filtered, sorted and paged, and their sites. */
@Injectable()
export class FleetService {
  constructor(@Inject(FleetRepository) private readonly fleet: FleetRepository) {}

  async page(scope: ScopeArg, q: FleetQuery): Promise<FleetPageDto> {
    try {
      const page = await this.fleet.list(scope, toOptions(q));
      return { rows: page.rows.map(toRowDto), total: page.total, nextCursor: page.nextCursor };
    } catch (error) {
      if (error instanceof InvalidFleetListCursorError) {
        throw new AppError('VALIDATION_FAILED', `cursor: ${error.message}`);
      }
      throw error;
    }
  }

  sites(scope: ScopeArg): Promise<FleetSitesDto> {
    return this.fleet.sites(scope);
  }
}

/** The validated query as repository options (the schema already checked every value). */
export function toOptions(q: FleetQuery): FleetListOptions {
  return {
    sort: q.sort as FleetListSort,
    dir: q.dir,
    cursor: q.cursor ?? null,
    limit: q.limit,
    filters: {
      ...(q.q ? { q: q.q } : {}),
      ...(q.status ? { statuses: q.status as FleetStatus[] } : {}),
      ...(q.severity ? { severities: q.severity as AlarmSeverity[] } : {}),
      ...(q.hasOpenAlarm ? { hasOpenAlarm: q.hasOpenAlarm === 'true' } : {}),
      ...(q.site ? { siteIds: q.site } : {}),
    },
  };
}

function toRowDto(row: FleetListRow): FleetPageDto['rows'][number] {
  return { ...row, lastTs: isoOrNull(row.lastTs) };
}
