import type { FirmwareVersions } from '@fleet/telemetry';
import type pg from 'pg';
import type { PgPool } from '../client.js';
import { applyFirmware } from './string-firmware.js';

/** What a composition event says about one string (fields the BMS did not send stay undefined). */
export interface CompositionUpdate {
  stringId: string;
  at: Date;
  moduleCount?: number;
  cellsPerModule?: number;
  /** 0x7310 versions where read: the string's firmware (issue 10 cohorts). */
  versions?: FirmwareVersions;
}

export interface BmsModuleRow {
  id: string;
  position: number;
  moduleType: 'H48050' | 'H48074' | 'OTHER';
  serial: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  removedAt: Date | null;
}

/**
 * Applies a composition to the string and its modules, inside the caller's transaction: the
 * string's module_count / cells_per_module where sent; modules at positions beyond the new count,
 * or of another type than the string's, are marked removed; positions 1..moduleCount get a present
 * row (new, or last_seen_at moved forward). Serials are never invented: the composition carries
 * none, so a new row has none.
 */
export async function applyComposition(client: pg.ClientBase, update: CompositionUpdate): Promise<void> {
  const { stringId, at, moduleCount, cellsPerModule } = update;
  await client.query(
    `UPDATE bms_string SET module_count = coalesce($2, module_count),
            cells_per_module = coalesce($3, cells_per_module)
      WHERE id = $1`,
    [stringId, moduleCount ?? null, cellsPerModule ?? null],
  );
  if (update.versions) {
    await applyFirmware(client, { stringId }, at, update.versions);
  }
  if (moduleCount === undefined) {
    return;
  }
  await client.query(
    `UPDATE bms_module m SET removed_at = $3
       FROM bms_string s
      WHERE s.id = m.string_id AND m.string_id = $1 AND m.removed_at IS NULL
        AND m.first_seen_at <= $3 AND (m.position > $2 OR m.module_type <> s.module_type)`,
    [stringId, moduleCount, at],
  );
  await client.query(
    `INSERT INTO bms_module (id, string_id, position, module_type, first_seen_at, last_seen_at)
     SELECT gen_random_uuid(), s.id, p, s.module_type, $3, $3
       FROM bms_string s, generate_series(1, $2::int) AS p
      WHERE s.id = $1
     ON CONFLICT (string_id, position) WHERE removed_at IS NULL
     DO UPDATE SET last_seen_at = greatest(bms_module.last_seen_at, EXCLUDED.last_seen_at)`,
    [stringId, moduleCount, at],
  );
}

/** bms_module reads (the API runs it on the scoped pool: a string out of scope has no rows). */
export class BmsModuleRepository {
  constructor(private readonly pool: PgPool) {}

  /** Present modules by position, then removed ones (newest removal first). */
  async list(stringId: string): Promise<BmsModuleRow[]> {
    const { rows } = await this.pool.query<BmsModuleRow>(
      `SELECT id, position, module_type AS "moduleType", serial, first_seen_at AS "firstSeenAt",
              last_seen_at AS "lastSeenAt", removed_at AS "removedAt"
         FROM bms_module WHERE string_id = $1
        ORDER BY removed_at IS NOT NULL, removed_at DESC, position`,
      [stringId],
    );
    return rows;
  }
}
