import type { TrendPoint } from '@fleet/db';
import type { TrendPointDto } from './strings.dto.js';

/** Export columns: the trend point's fields in snake case with their unit in the name. */
export const TREND_COLUMNS: ReadonlyArray<readonly [string, keyof TrendPoint]> = [
  ['bucket_start', 'bucketStart'],
  ['samples', 'samples'],
  ['soh_pct', 'sohPct'],
  ['soc_min_pct', 'socMinPct'],
  ['soc_max_pct', 'socMaxPct'],
  ['pack_voltage_avg_dv', 'packVoltageAvgDv'],
  ['pack_current_avg_da', 'packCurrentAvgDa'],
  ['cell_max_mv', 'cellMaxMv'],
  ['cell_min_mv', 'cellMinMv'],
  ['cell_spread_max_mv', 'cellSpreadMaxMv'],
  ['cell_spread_avg_mv', 'cellSpreadAvgMv'],
  ['bms_temp_max_dc', 'bmsTempMaxDc'],
  ['cell_temp_max_dc', 'cellTempMaxDc'],
  ['energy_in_wh', 'energyInWh'],
  ['energy_out_wh', 'energyOutWh'],
  // Appended (not beside their max) so existing readers of the column order keep working.
  ['bms_temp_min_dc', 'bmsTempMinDc'],
  ['cell_temp_min_dc', 'cellTempMinDc'],
  ['covered_s', 'coveredS'],
];

/** A trend point as JSON: instants as ISO strings, averages rounded to 0.1 of their unit. */
export function trendPointDto(p: TrendPoint): TrendPointDto {
  return {
    bucketStart: p.bucketStart.toISOString(),
    samples: Number(p.samples),
    sohPct: p.sohPct,
    socMinPct: p.socMinPct,
    socMaxPct: p.socMaxPct,
    packVoltageAvgDv: round1(p.packVoltageAvgDv),
    packCurrentAvgDa: round1(p.packCurrentAvgDa),
    cellMaxMv: p.cellMaxMv,
    cellMinMv: p.cellMinMv,
    cellSpreadMaxMv: p.cellSpreadMaxMv,
    cellSpreadAvgMv: round1(p.cellSpreadAvgMv),
    bmsTempMaxDc: p.bmsTempMaxDc,
    cellTempMaxDc: p.cellTempMaxDc,
    energyInWh: round1(p.energyInWh) ?? 0,
    energyOutWh: round1(p.energyOutWh) ?? 0,
    bmsTempMinDc: p.bmsTempMinDc,
    cellTempMinDc: p.cellTempMinDc,
    coveredS: round1(p.coveredS),
  };
}

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
