import { type CellSnapshotRow, type PackSampleRow, stringKey } from '@fleet/db';
import type { TelemetryEnvelope } from '@fleet/telemetry';
import { expandPackSeriesIncremental } from './expand-pack-series.js';

export interface BatchRows {
  rows: PackSampleRow[];
  cellSnapshots: CellSnapshotRow[];
  /** Series rows that could not become a sample (reported, the rest is stored). */
  problems: string[];
}

/**
 * The envelope's samples with their string ids (every key was resolved before): `pack`
 * samples as they are, `packs` series expanded into the `pack` samples they stand for,
 * `cells` snapshots apart for cell_snapshot.
 */
export function toPackSampleRows(envelope: TelemetryEnvelope, ids: Map<string, string>): BatchRows {
  const idOf = (key: { bus: string; bmsAddress: number }) => {
    const stringId = ids.get(stringKey(key));
    if (!stringId) {
      throw new Error(`no string id for ${stringKey(key)} of gateway ${envelope.gatewayId}`);
    }
    return stringId;
  };
  const out: BatchRows = { rows: [], cellSnapshots: [], problems: [] };
  for (const sample of envelope.samples) {
    if (sample.kind === 'pack') {
      out.rows.push({ stringId: idOf(sample), sample });
    } else if (sample.kind === 'packs') {
      // Every sample of a series is of the series' string: one id lookup for all of them.
      const stringId = idOf(sample);
      const expanded = expandPackSeriesIncremental(sample);
      for (const packSample of expanded.samples) {
        out.rows.push({ stringId, sample: packSample });
      }
      for (const problem of expanded.problems) {
        out.problems.push(`${stringKey(sample)} series: ${problem}`);
      }
    } else {
      out.cellSnapshots.push({ stringId: idOf(sample), snapshot: sample });
    }
  }
  return out;
}
