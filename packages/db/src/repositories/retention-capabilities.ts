import type { PgPool } from '../client.js';

export interface TimescaleCapabilities {
  /** The timescaledb extension is installed in this database. */
  timescaledb: boolean;
  version: string | null;
  /** `timescaledb.license`: 'apache' (Debian's build) or 'timescale' (community, TSL features). */
  license: string | null;
  /** Native compression and continuous aggregates are TSL features: not in the Apache edition. */
  compression: boolean;
  continuousAggregates: boolean;
}

/**
 * What the server offers beyond plain PostgreSQL, so retention and rollups can say at start what
 * they use. Compression and continuous aggregates are only reported here: the project's own
 * rollup and retention jobs run either way, and enabling the TSL features where licensed is a
 * later step (docs/architecture.md, Rollups and retention).
 */
export async function probeTimescaleCapabilities(pool: PgPool): Promise<TimescaleCapabilities> {
  const { rows } = await pool.query<{ version: string | null; license: string | null }>(
    `SELECT (SELECT extversion FROM pg_extension WHERE extname = 'timescaledb') AS version,
            nullif(current_setting('timescaledb.license', true), '') AS license`,
  );
  const version = rows[0]?.version ?? null;
  const license = version === null ? null : (rows[0]?.license ?? null);
  const tsl = version !== null && license === 'timescale';
  return { timescaledb: version !== null, version, license, compression: tsl, continuousAggregates: tsl };
}
