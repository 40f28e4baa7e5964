import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import type { StoredCellSnapshot } from './cell-snapshot.repository.js';

// cell_snapshot has no row-level policy of its own (a time-series table): the join on bms_string,
// which has one, plus the repository's scope filter is what keeps another tenant's cells out. A
// string outside the scope yields no row, exactly like a string without snapshots.
const LATEST_CELLS_SQL = `
  SELECT c.ts, c.source, c.trigger, c.cell_voltages_mv AS "cellVoltagesMv", c.cell_temps_dc AS "cellTempsDc",
         c.cell_min_mv AS "cellMinMv", c.cell_max_mv AS "cellMaxMv"
    FROM cell_snapshot c
    JOIN bms_string s ON s.id = c.string_id
   WHERE c.string_id = $1 AND {scope}
   ORDER BY c.ts DESC
   LIMIT 1`;

/** Scope-filtered read of a string's newest cell snapshot (the site view's heatmap). */
export class CellLatestRepository {
  constructor(private readonly pool: PgPool) {}

  async latest(scope: ScopeArg, stringId: string): Promise<StoredCellSnapshot | null> {
    const params: unknown[] = [stringId];
    const sql = LATEST_CELLS_SQL.replace(
      '{scope}',
      scopeSql(scope, { tenant: 's.tenant_id', site: 's.site_id' }, params),
    );
    const { rows } = await this.pool.query<StoredCellSnapshot>(sql, params);
    return rows[0] ?? null;
  }
}
