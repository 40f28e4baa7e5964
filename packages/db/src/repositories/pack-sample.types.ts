import type { PackSample } from '@fleet/telemetry';
import type { CellSnapshotRow } from './cell-snapshot.repository.js';

export interface PackSampleRow {
  stringId: string;
  sample: PackSample;
}

export interface StoreBatchInput {
  /** Ledger key of the batch (see apps/ingest README: `<gatewayId>:<bootId>:<seq>`). */
  msgId: string;
  gatewayId: string;
  rows: PackSampleRow[];
  /** Per-cell snapshots of the same batch (cell_snapshot), stored in the same transaction. */
  cellSnapshots?: CellSnapshotRow[];
}

export interface StoreBatchResult {
  /** The ledger already had this batch: nothing was written. */
  duplicate: boolean;
  /** Sample rows inserted (rows whose (string, ts) already existed are skipped). */
  stored: number;
  /** cell_snapshot rows inserted. */
  storedCellSnapshots?: number;
  /** Rows set aside in quarantined_sample (present only when some were). */
  quarantined?: number;
}

/**
 * How a group of batches was written:
 * - `copy`: the fast path, COPY straight into the tables, guarded by the ledger rows;
 * - `merge`: the COPY hit stored rows (unique_violation), so COPY into a staging table and
 *   `INSERT … ON CONFLICT DO NOTHING`;
 * - `isolated`: the database refused a row; each row on its own savepoint, refused ones quarantined.
 */
export type StorePath = 'copy' | 'merge' | 'isolated';

export interface StoreBatchesResult {
  path: StorePath;
  /** One per input, in input order. */
  results: StoreBatchResult[];
}
