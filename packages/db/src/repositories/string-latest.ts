import type pg from 'pg';
import type { PackSampleRow } from './pack-sample.types.js';

/**
 * The newest row per string of the given rows (ties: the first seen), sorted by string id so
 * concurrent ingest transactions upsert string_latest rows in one order and cannot deadlock.
 */
export function newestPerString(rows: readonly PackSampleRow[]): PackSampleRow[] {
  const newest = new Map<string, { row: PackSampleRow; ms: number }>();
  for (const row of rows) {
    const ms = Date.parse(row.sample.ts);
    const seen = newest.get(row.stringId);
    if (Number.isFinite(ms) && (seen === undefined || ms > seen.ms)) {
      newest.set(row.stringId, { row, ms });
    }
  }
  return [...newest.keys()].sort().map((id) => newest.get(id)!.row);
}

// One statement for the whole group. The WHERE of DO UPDATE is the forward-only rule: a row
// whose stored ts is not older than the new one stays as it is (late or replayed data). The one
// exception is a stored ts more than a day ahead of the server clock (a gateway clock gone
// wrong): the next sample replaces it, so one bad timestamp cannot pin a string's state for good.
const UPSERT_SQL = `
  INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
                             cell_max_mv, cell_min_mv, cell_temp_max_dc, state, error_bits, alarm_bits,
                             protection_bits)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int4[], $4::int4[], $5::int4[], $6::int2[],
                       $7::int2[], $8::int4[], $9::int4[], $10::int4[], $11::text[], $12::int2[],
                       $13::int4[], $14::int4[])
  ON CONFLICT (string_id) DO UPDATE SET
    ts = EXCLUDED.ts, pack_voltage_dv = EXCLUDED.pack_voltage_dv, pack_current_da = EXCLUDED.pack_current_da,
    bms_temp_dc = EXCLUDED.bms_temp_dc, soc_pct = EXCLUDED.soc_pct, soh_pct = EXCLUDED.soh_pct,
    cell_max_mv = EXCLUDED.cell_max_mv, cell_min_mv = EXCLUDED.cell_min_mv,
    cell_temp_max_dc = EXCLUDED.cell_temp_max_dc, state = EXCLUDED.state, error_bits = EXCLUDED.error_bits,
    alarm_bits = EXCLUDED.alarm_bits, protection_bits = EXCLUDED.protection_bits
  WHERE string_latest.ts < EXCLUDED.ts OR string_latest.ts > now() + interval '1 day'`;

/**
 * Moves string_latest forward to the newest of the written rows per string. Call it in the
 * transaction that stored the rows, with only the rows actually inserted, so the latest state
 * and the samples commit (or vanish) together.
 */
export async function upsertStringLatest(
  client: pg.ClientBase,
  written: readonly PackSampleRow[],
): Promise<void> {
  const rows = newestPerString(written);
  if (rows.length === 0) {
    return;
  }
  const column = (value: (r: PackSampleRow) => unknown) => rows.map((r) => value(r) ?? null);
  await client.query(UPSERT_SQL, [
    column((r) => r.stringId),
    column((r) => r.sample.ts),
    column((r) => r.sample.packVoltageDv),
    column((r) => r.sample.packCurrentDa),
    column((r) => r.sample.bmsTempDc),
    column((r) => r.sample.socPct),
    column((r) => r.sample.sohPct),
    column((r) => r.sample.cellMaxMv),
    column((r) => r.sample.cellMinMv),
    column((r) => r.sample.cellTempMaxDc),
    column((r) => r.sample.state),
    column((r) => r.sample.errorBits),
    column((r) => r.sample.alarmBits),
    column((r) => r.sample.protectionBits),
  ]);
}
