import { type CellSnapshotRow, type PackSampleRow, stringKey } from '@fleet/db';
import type { PackSample, TelemetryEnvelope } from '@fleet/telemetry';
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
  const addPack = (sample: PackSample) => out.rows.push({ stringId: idOf(sample), sample });
  for (const sample of envelope.samples) {
    if (sample.kind === 'pack') {
      addPack(sample);
    } else if (sample.kind === 'packs') {
      const expanded = expandPackSeriesIncremental(sample);
      expanded.samples.forEach(addPack);
      out.problems.push(...expanded.problems.map((p) => `${stringKey(sample)} series: ${p}`));
    } else {
      out.cellSnapshots.push({ stringId: idOf(sample), snapshot: sample });
    }
  }
  return out;
}
