import { expandPackSeries, type PackSample, type TelemetryEnvelope } from '@fleet/telemetry';

/** The pack samples of one string in one telemetry batch, in the batch's order. */
export interface PackReadings {
  bus: string;
  bmsAddress: number;
  samples: PackSample[];
}

/**
 * Groups a batch's pack values by string (wire identity bus + address): `pack` samples as they
 * are and `packs` series expanded into the samples they stand for. Cell snapshots are not live
 * pack values and are left out. Rows of a series that do not expand are skipped here; ingest is
 * the one that reports them.
 */
export function packReadingsOf(envelope: TelemetryEnvelope): PackReadings[] {
  const byString = new Map<string, PackReadings>();
  const add = (sample: PackSample) => {
    const key = `${sample.bus}#${sample.bmsAddress}`;
    let entry = byString.get(key);
    if (!entry) {
      entry = { bus: sample.bus, bmsAddress: sample.bmsAddress, samples: [] };
      byString.set(key, entry);
    }
    entry.samples.push(sample);
  };
  for (const sample of envelope.samples) {
    if (sample.kind === 'pack') {
      add(sample);
    } else if (sample.kind === 'packs') {
      for (const expanded of expandPackSeries(sample).samples) {
        add(expanded);
      }
    }
  }
  return [...byString.values()];
}
