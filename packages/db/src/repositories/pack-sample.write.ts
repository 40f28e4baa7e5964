import type pg from 'pg';
import { type CellSnapshotRow, copyCellSnapshots, insertCellSnapshots } from './cell-snapshot.repository.js';
import { copyLines, PACK_SAMPLE_COPY_COLUMNS, packSampleCopyLine } from './pack-sample.copy.js';
import { insertLedgerRows } from './pack-sample.ledger.js';
import { mergePackSamples } from './pack-sample.merge.js';
import type { PackSampleRow, StoreBatchInput, StoreBatchResult } from './pack-sample.types.js';
import { checkPackSample } from './pack-sample.validate.js';
import { insertQuarantined, type QuarantineEntry } from './quarantine.repository.js';

/** A batch with the rows the database would refuse already taken out (checked in code). */
export interface PreparedBatch {
  input: StoreBatchInput;
  rows: PackSampleRow[];
  cells: CellSnapshotRow[];
  quarantine: QuarantineEntry[];
}

export function prepareBatch(input: StoreBatchInput): PreparedBatch {
  const prepared: PreparedBatch = { input, rows: [], cells: input.cellSnapshots ?? [], quarantine: [] };
  for (const row of input.rows) {
    const problem = checkPackSample(row.sample);
    if (problem) {
      prepared.quarantine.push({
        msgId: input.msgId,
        gatewayId: input.gatewayId,
        kind: 'pack',
        stringId: row.stringId,
        ts: row.sample.ts,
        ...problem,
        raw: row.sample,
      });
    } else {
      prepared.rows.push(row);
    }
  }
  return prepared;
}

export interface GroupWrite {
  results: StoreBatchResult[];
  /** Batches the ledger accepted (what the last-seen marks move for). */
  accepted: StoreBatchInput[];
  /** pack_sample rows actually inserted. */
  written: PackSampleRow[];
}

/**
 * The body of one group transaction: ledger rows, then the rows of the batches the ledger
 * accepted, by COPY (`copy`: fails with 23505 if any row is stored already) or through the
 * staging table (`merge`), then the quarantine entries. The caller runs the rest (rollup marks,
 * last seen) and commits.
 */
export async function writeGroup(
  client: pg.PoolClient,
  batches: readonly PreparedBatch[],
  mode: 'copy' | 'merge',
): Promise<GroupWrite> {
  const fresh = await insertLedgerRows(
    client,
    batches.map((b) => b.input),
  );
  const taken = new Set<string>();
  const accepted = batches.filter((b) => {
    const first = fresh.has(b.input.msgId) && !taken.has(b.input.msgId);
    taken.add(b.input.msgId);
    return first;
  });
  const rows = accepted.flatMap((b) => b.rows);
  let written: PackSampleRow[];
  const storedCells = new Map<PreparedBatch, number>();
  if (mode === 'copy') {
    await copyLines(client, 'pack_sample', PACK_SAMPLE_COPY_COLUMNS, rows.map(packSampleCopyLine));
    await copyCellSnapshots(
      client,
      accepted.flatMap((b) => b.cells),
    );
    written = rows;
    for (const b of accepted) {
      storedCells.set(b, b.cells.length);
    }
  } else {
    written = await mergePackSamples(client, rows);
    for (const b of accepted) {
      storedCells.set(b, await insertCellSnapshots(client, b.cells));
    }
  }
  await insertQuarantined(
    client,
    accepted.flatMap((b) => b.quarantine),
  );
  const stored = countPerBatch(accepted, written);
  const results = batches.map((b): StoreBatchResult => {
    const cells = storedCells.get(b);
    return cells === undefined ? { duplicate: true, stored: 0 } : resultOf(b, stored.get(b) ?? 0, cells);
  });
  return { results, accepted: accepted.map((b) => b.input), written };
}

/** Written rows per batch; a row object is counted once, for the first batch holding it. */
function countPerBatch(batches: readonly PreparedBatch[], written: readonly PackSampleRow[]) {
  const owner = new Map<PackSampleRow, PreparedBatch>();
  for (const b of batches) {
    for (const row of b.rows) {
      if (!owner.has(row)) {
        owner.set(row, b);
      }
    }
  }
  const counts = new Map<PreparedBatch, number>();
  for (const row of written) {
    const b = owner.get(row);
    if (b) {
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
  }
  return counts;
}

export function resultOf(b: PreparedBatch, stored: number, storedCells: number): StoreBatchResult {
  return {
    duplicate: false,
    stored,
    ...(b.input.cellSnapshots ? { storedCellSnapshots: storedCells } : {}),
    ...(b.quarantine.length ? { quarantined: b.quarantine.length } : {}),
  };
}
