import type { EvidenceDay } from '@fleet/db';
import { fixed, utcDay } from './csv-lines.js';
import type { PackSummary } from './pack-summary.js';

export const SOH_CAPACITY_CSV = 'soh_capacity.csv';

export const SOH_CAPACITY_HEADER = [
  'day',
  'soh_min_pct',
  'soh_last_pct',
  'nominal_wh',
  'capacity_from_soh_wh',
  'samples',
] as const;

/**
 * One row per day with a 1-day rollup. The BMS reports no measured capacity, so the only capacity
 * is derived: nominal energy × the day's last SOH, left empty where the nominal is unknown.
 */
export async function* sohCapacityRows(
  days: AsyncIterable<EvidenceDay>,
  nominalWh: number | null,
  summary: Pick<PackSummary, 'soh'>,
): AsyncGenerator<unknown[]> {
  for await (const d of days) {
    const capacity = nominalWh !== null && d.sohLastPct !== null ? (nominalWh * d.sohLastPct) / 100 : null;
    summary.soh.push({ t: d.day.getTime(), min: d.sohMinPct, last: d.sohLastPct });
    yield [utcDay(d.day), d.sohMinPct, d.sohLastPct, nominalWh, fixed(capacity, 0), d.samples];
  }
}
