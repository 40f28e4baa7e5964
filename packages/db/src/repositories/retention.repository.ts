import type pg from 'pg';
import type { PgPool } from '../client.js';

const DAY_MS = 86_400_000;

/** How long each tier is kept, in days; a tier not listed (1h, 1d rollups, events) is kept forever. */
export interface RetentionTiers {
  /** pack_sample and cell_snapshot. */
  rawDays: number;
  /** string_rollup_1m, by its hour rows: an hour goes when it starts before the cutoff. */
  rollup1mDays: number;
  /** ingest_batch ledger rows (see prisma/README.md, "Retention", for why 30 days is safe). */
  ledgerDays: number;
}

export const DEFAULT_RETENTION: RetentionTiers = { rawDays: 90, rollup1mDays: 730, ledgerDays: 30 };

export interface TableRetention {
  table: string;
  cutoff: Date;
  /** Whole chunks (TimescaleDB) or partitions (PostgreSQL) dropped. */
  droppedParts: number;
  /** Rows deleted one by one: the straddling chunk/partition, the default partition, plain tables. */
  deletedRows: number;
}

/** Time-series tables by tier and their time column. */
const TIERED_TABLES: ReadonlyArray<readonly [table: string, column: string, tier: keyof RetentionTiers]> = [
  ['pack_sample', 'ts', 'rawDays'],
  ['cell_snapshot', 'ts', 'rawDays'],
  ['string_rollup_1m', 'hour_start', 'rollup1mDays'],
  ['ingest_batch', 'stored_at', 'ledgerDays'],
];

/**
 * Applies the retention tiers: after `apply(now)` no row of a tiered table is older than its
 * limit, and every younger row is still there. The bulk goes by dropping whole TimescaleDB chunks
 * (drop_chunks) or whole monthly partitions (plain PostgreSQL) lying entirely before the cutoff;
 * the rest (the one chunk/partition straddling the cutoff, the default partition) by DELETE.
 */
export class RetentionRepository {
  constructor(
    private readonly pool: PgPool,
    private readonly tiers: RetentionTiers = DEFAULT_RETENTION,
  ) {}

  async apply(now: Date): Promise<TableRetention[]> {
    const report: TableRetention[] = [];
    for (const [table, column, tier] of TIERED_TABLES) {
      const cutoff = new Date(now.getTime() - this.tiers[tier] * DAY_MS);
      report.push(await this.applyTo(table, column, cutoff));
    }
    return report;
  }

  private async applyTo(table: string, column: string, cutoff: Date): Promise<TableRetention> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const kind = await tableKind(client, table);
      const droppedParts =
        kind === 'hypertable'
          ? await dropChunks(client, table, cutoff)
          : kind === 'partitioned'
            ? await dropPartitions(client, table, column, cutoff)
            : 0;
      const deleted = await client.query(`DELETE FROM ${table} WHERE ${column} < $1`, [cutoff]);
      await client.query('COMMIT');
      return { table, cutoff, droppedParts, deletedRows: deleted.rowCount ?? 0 };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

type TableKind = 'hypertable' | 'partitioned' | 'plain';

async function tableKind(client: pg.ClientBase, table: string): Promise<TableKind> {
  const { rows } = await client.query<{ partitioned: boolean; timescale: boolean }>(
    `SELECT c.relkind = 'p' AS partitioned,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS timescale
       FROM pg_class c WHERE c.oid = $1::regclass`,
    [table],
  );
  if (rows[0]?.partitioned) {
    return 'partitioned';
  }
  if (!rows[0]?.timescale) {
    return 'plain';
  }
  // A separate query: timescaledb_information exists only where the extension does.
  const hyper = await client.query(
    `SELECT 1 FROM timescaledb_information.hypertables h
      WHERE format('%I.%I', h.hypertable_schema, h.hypertable_name)::regclass = $1::regclass`,
    [table],
  );
  return hyper.rowCount ? 'hypertable' : 'plain';
}

/** drop_chunks removes the chunks whose whole range ends at or before the cutoff. */
async function dropChunks(client: pg.ClientBase, table: string, cutoff: Date): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM drop_chunks($1::regclass, older_than => $2::timestamptz)',
    [table, cutoff],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Drops the partitions whose upper bound is at or before the cutoff (read from the catalog, not
 * guessed from the name). The bound is what PostgreSQL enforces, so such a partition cannot hold
 * a row at or after the cutoff; the check for one is a second guard against a hand-made partition.
 */
async function dropPartitions(
  client: pg.ClientBase,
  table: string,
  column: string,
  cutoff: Date,
): Promise<number> {
  const { rows } = await client.query<{ part: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS part
       FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.inhparent = $1::regclass
        AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
        AND substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \\(''([^'']+)''\\)')::timestamptz <= $2
      ORDER BY 1`,
    [table, cutoff],
  );
  let dropped = 0;
  for (const { part } of rows) {
    const young = await client.query(`SELECT 1 FROM ${part} WHERE ${column} >= $1 LIMIT 1`, [cutoff]);
    if (young.rowCount === 0) {
      await client.query(`DROP TABLE ${part}`);
      dropped++;
    }
  }
  return dropped;
}
