import type { EvidenceDay } from '@fleet/db';
import { fixed, utcDay } from './csv-lines.js';
import type { PackSummary } from './pack-summary.js';

export const CYCLES_THROUGHPUT_CSV = 'cycles_throughput.csv';

export const CYCLES_THROUGHPUT_HEADER = [
  'day',
  'energy_in_kwh',
  'energy_out_kwh',
  'cumulative_in_kwh',
  'cumulative_out_kwh',
  'equivalent_cycles',
] as const;

/**
 * Daily charged and discharged energy from the 1-day rollups, the running totals from the start
 * of the period, and equivalent full cycles = cumulative discharged energy / nominal energy
 * (empty when the nominal is unknown: a capacity is never assumed).
 */
export async function* cyclesThroughputRows(
  days: AsyncIterable<EvidenceDay>,
  nominalWh: number | null,
  summary: Pick<PackSummary, 'throughput'>,
): AsyncGenerator<unknown[]> {
  let inWh = 0;
  let outWh = 0;
  for await (const d of days) {
    inWh += d.energyInWh;
    outWh += d.energyOutWh;
    const cycles = nominalWh !== null && nominalWh > 0 ? outWh / nominalWh : null;
    summary.throughput.push({
      t: d.day.getTime(),
      inKwh: d.energyInWh / 1000,
      outKwh: d.energyOutWh / 1000,
      cumulativeOutKwh: outWh / 1000,
      cycles,
    });
    yield [
      utcDay(d.day),
      fixed(d.energyInWh / 1000, 3),
      fixed(d.energyOutWh / 1000, 3),
      fixed(inWh / 1000, 3),
      fixed(outWh / 1000, 3),
      fixed(cycles, 3),
    ];
  }
}
