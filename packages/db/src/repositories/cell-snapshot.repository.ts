import type { CellSnapshot } from '@fleet/telemetry';
import type pg from 'pg';
import type { PgPool } from '../client.js';
import { copyField, copyLines } from './pack-sample.copy.js';

export interface CellSnapshotRow {
  stringId: string;
  snapshot: CellSnapshot;
}

export interface StoredCellSnapshot {
  ts: Date;
  source: string | null;
  trigger: string | null;
  cellVoltagesMv: (number | null)[][];
  cellTempsDc: (number | null)[][] | null;
  cellMinMv: number;
  cellMaxMv: number;
}

/**
 * One INSERT per batch; each snapshot is one row whose arrays travel as JSON text and become
 * 2-D integer arrays in SQL (PostgreSQL arrays must be rectangular: shorter modules are padded
 * with NULL first). ON CONFLICT: the primary key is the second dedupe guard after the ledger.
 */
const INSERT_CELL_SNAPSHOTS_SQL = `
INSERT INTO cell_snapshot (string_id, ts, source, trigger, module_count, cell_voltages_mv, cell_temps_dc, cell_min_mv, cell_max_mv)
SELECT u.string_id, u.ts, u.source, u.trigger, u.module_count,
       translate(u.volts::text, '[]', '{}')::integer[],
       translate(u.temps::text, '[]', '{}')::integer[],
       u.cell_min_mv, u.cell_max_mv
  FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int2[], $6::jsonb[], $7::jsonb[], $8::int4[], $9::int4[])
       AS u(string_id, ts, source, trigger, module_count, volts, temps, cell_min_mv, cell_max_mv)
ON CONFLICT (string_id, ts) DO NOTHING`;

/** Writes snapshots with the caller's client, so ingest stores them in the ledger's transaction. */
export async function insertCellSnapshots(
  client: pg.PoolClient | PgPool,
  rows: readonly CellSnapshotRow[],
): Promise<number> {
  if (rows.length === 0) {
    return 0;
  }
  const params: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (const { stringId, snapshot: s } of rows) {
    const cells = s.cellVoltagesMv.flat();
    const values = [
      stringId,
      s.ts,
      s.source ?? null,
      s.trigger ?? null,
      s.cellVoltagesMv.length,
      JSON.stringify(rectangular(s.cellVoltagesMv)),
      s.cellTempsDc && s.cellTempsDc.length > 0 ? JSON.stringify(rectangular(s.cellTempsDc)) : null,
      Math.min(...cells),
      Math.max(...cells),
    ];
    values.forEach((v, i) => {
      params[i]?.push(v);
    });
  }
  const result = await client.query(INSERT_CELL_SNAPSHOTS_SQL, params);
  return result.rowCount ?? 0;
}

const COPY_COLUMNS =
  'string_id, ts, source, trigger, module_count, cell_voltages_mv, cell_temps_dc, cell_min_mv, cell_max_mv';

/** A 2-D integer array as a PostgreSQL array literal (`{{1,2},{3,NULL}}`), padded rectangular. */
function arrayLiteral(modules: readonly (readonly (number | null)[])[]): string {
  return `{${rectangular(modules)
    .map((m) => `{${m.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`)
    .join(',')}}`;
}

/** One cell_snapshot row as a COPY text line (the fast path of PackSampleRepository). */
export function cellSnapshotCopyLine({ stringId, snapshot: s }: CellSnapshotRow): string {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const module of s.cellVoltagesMv) {
    for (const v of module) {
      min = Math.min(v, min);
      max = Math.max(v, max);
    }
  }
  const temps = s.cellTempsDc && s.cellTempsDc.length > 0 ? arrayLiteral(s.cellTempsDc) : null;
  return `${[
    stringId,
    s.ts,
    s.source,
    s.trigger,
    s.cellVoltagesMv.length,
    arrayLiteral(s.cellVoltagesMv),
    temps,
    min,
    max,
  ]
    .map(copyField)
    .join('\t')}\n`;
}

/** COPY of cell snapshots with the caller's client; fails as a whole on any conflict. */
export async function copyCellSnapshots(
  client: pg.PoolClient,
  rows: readonly CellSnapshotRow[],
): Promise<number> {
  if (rows.length > 0) {
    await copyLines(client, 'cell_snapshot', COPY_COLUMNS, rows.map(cellSnapshotCopyLine));
  }
  return rows.length;
}

/** Pads every module to the longest with null, as a PostgreSQL 2-D array needs. */
function rectangular(modules: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const width = Math.max(1, ...modules.map((m) => m.length));
  return modules.map((m) => [...m, ...Array<null>(width - m.length).fill(null)]);
}

/** Reads of cell_snapshot (writes go through PackSampleRepository.storeBatch). */
export class CellSnapshotRepository {
  constructor(private readonly pool: PgPool) {}

  /** The newest snapshots of a string, newest first. */
  async latest(stringId: string, limit = 1): Promise<StoredCellSnapshot[]> {
    const { rows } = await this.pool.query<StoredCellSnapshot>(
      `SELECT ts, source, trigger, cell_voltages_mv AS "cellVoltagesMv", cell_temps_dc AS "cellTempsDc",
              cell_min_mv AS "cellMinMv", cell_max_mv AS "cellMaxMv"
         FROM cell_snapshot WHERE string_id = $1 ORDER BY ts DESC LIMIT $2`,
      [stringId, limit],
    );
    return rows;
  }
}
