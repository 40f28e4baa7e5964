import {
  type FleetOverviewRow,
  InvalidFleetCursorError,
  type ScopeArg,
  TelemetryReadRepository,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { isoOrNull } from '../common/iso.js';
import type { FleetPageDto, FleetQuery } from './fleet.dto.js';

/** The fleet overview: every string in the caller's scope with its newest sample and worst alarm. */
@Injectable()
export class FleetService {
  constructor(@Inject(TelemetryReadRepository) private readonly telemetry: TelemetryReadRepository) {}

  async page(scope: ScopeArg, q: FleetQuery): Promise<FleetPageDto> {
    try {
      const page = await this.telemetry.fleetOverview(scope, {
        sort: q.sort,
        cursor: q.cursor ?? null,
        limit: q.limit,
      });
      return { rows: page.rows.map(toRowDto), nextCursor: page.nextCursor };
    } catch (error) {
      if (error instanceof InvalidFleetCursorError) {
        throw new AppError('VALIDATION_FAILED', `cursor: ${error.message}`);
      }
      throw error;
    }
  }
}

function toRowDto(row: FleetOverviewRow): FleetPageDto['rows'][number] {
  return { ...row, lastTs: isoOrNull(row.lastTs) };
}
