import {
  type CellSnapshot,
  expandPackSeries,
  type PackSample,
  type TelemetryEnvelope,
} from '@fleet/telemetry';

export interface StringSamples {
  bus: string;
  bmsAddress: number;
  packs: PackSample[];
  cells: CellSnapshot[];
}

/** A batch's pack samples (series expanded) and cell snapshots, grouped by string (`bus#address`). */
export function batchByString(envelope: TelemetryEnvelope): {
  strings: Map<string, StringSamples>;
  problems: string[];
} {
  const strings = new Map<string, StringSamples>();
  const problems: string[] = [];
  const of = (bus: string, bmsAddress: number) => {
    const key = `${bus}#${bmsAddress}`;
    let entry = strings.get(key);
    if (!entry) {
      entry = { bus, bmsAddress, packs: [], cells: [] };
      strings.set(key, entry);
    }
    return entry;
  };
  for (const sample of envelope.samples) {
    if (sample.kind === 'pack') {
      of(sample.bus, sample.bmsAddress).packs.push(sample);
    } else if (sample.kind === 'cells') {
      of(sample.bus, sample.bmsAddress).cells.push(sample);
    } else {
      const expanded = expandPackSeries(sample);
      problems.push(...expanded.problems);
      for (const pack of expanded.samples) {
        of(pack.bus, pack.bmsAddress).packs.push(pack);
      }
    }
  }
  return { strings, problems };
}
