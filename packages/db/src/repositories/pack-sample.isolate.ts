import type pg from 'pg';
import { insertCellSnapshots } from './cell-snapshot.repository.js';
import { INSERT_PACK_SAMPLES_SQL, packSampleParameters } from './pack-sample.columns.js';
import { insertLedgerRows } from './pack-sample.ledger.js';
import type { PackSampleRow, StoreBatchResult } from './pack-sample.types.js';
import { type PreparedBatch, resultOf } from './pack-sample.write.js';
import { insertQuarantined, type QuarantineEntry } from './quarantine.repository.js';

/** SQLSTATE classes 22 (data exception) and 23 (integrity): the row itself is refused. */
export function isRowRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code) && code !== '23505';
}

/**
 * Runs one row's statement on a savepoint: a refusal of that row rolls back to it and is
 * returned, anything else (connection loss, …) is thrown and aborts the transaction.
 */
async function onSavepoint(client: pg.PoolClient, run: () => Promise<number>): Promise<number | Error> {
  await client.query('SAVEPOINT fleet_row');
  try {
    const n = await run();
    await client.query('RELEASE SAVEPOINT fleet_row');
    return n;
  } catch (error) {
    if (!isRowRefusal(error)) {
      throw error;
    }
    await client.query('ROLLBACK TO SAVEPOINT fleet_row');
    return error as Error;
  }
}

export interface IsolatedWrite {
  result: StoreBatchResult;
  written: PackSampleRow[];
}

/**
 * The slow path for ONE batch the database refused as a whole (a COPY fails on its first bad
 * row without saying which): every row on its own savepoint, refused rows quarantined with the
 * database's reason, the rest stored. Only taken after a refusal, so its cost (three round trips
 * per row) is paid by bad batches alone. Returns undefined when the ledger had the batch.
 */
export async function writeIsolated(
  client: pg.PoolClient,
  b: PreparedBatch,
): Promise<IsolatedWrite | undefined> {
  if (!(await insertLedgerRows(client, [b.input])).has(b.input.msgId)) {
    return undefined;
  }
  const refused: QuarantineEntry[] = [];
  const refuse = (kind: 'pack' | 'cells', stringId: string, ts: string, raw: unknown, error: Error) =>
    refused.push({
      msgId: b.input.msgId,
      gatewayId: b.input.gatewayId,
      kind,
      stringId,
      ts,
      code: 'db-refused',
      reason: error.message,
      sqlstate: (error as { code?: string }).code,
      raw,
    });
  const written: PackSampleRow[] = [];
  for (const row of b.rows) {
    const n = await onSavepoint(client, async () => {
      const r = await client.query(INSERT_PACK_SAMPLES_SQL, packSampleParameters([row]));
      return r.rowCount ?? 0;
    });
    if (n instanceof Error) {
      refuse('pack', row.stringId, row.sample.ts, row.sample, n);
    } else if (n > 0) {
      written.push(row);
    }
  }
  let cells = 0;
  for (const cell of b.cells) {
    const n = await onSavepoint(client, () => insertCellSnapshots(client, [cell]));
    if (n instanceof Error) {
      refuse('cells', cell.stringId, cell.snapshot.ts, cell.snapshot, n);
    } else {
      cells += n;
    }
  }
  await insertQuarantined(client, [...b.quarantine, ...refused]);
  const result = resultOf({ ...b, quarantine: [...b.quarantine, ...refused] }, written.length, cells);
  return { result, written };
}
