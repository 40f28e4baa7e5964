import type { PackSample } from '@fleet/telemetry';
import { PACK_SAMPLE_COLUMNS } from './pack-sample.columns.js';
import type { QuarantineCode } from './quarantine.repository.js';

/** Value ranges of the integer column types (PostgreSQL int2 / int4). */
const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int2: [-32_768, 32_767],
  int4: [-2_147_483_648, 2_147_483_647],
};

/** pack_sample columns declared NOT NULL (20261125120100_pack_sample). */
const NOT_NULL = new Set(['ts', 'pack_voltage_dv', 'pack_current_da', 'bms_temp_dc', 'soc_pct', 'soh_pct']);

const CHECKS = PACK_SAMPLE_COLUMNS.map(([column, pgType, value]) => ({
  column,
  range: INT_RANGES[pgType],
  required: NOT_NULL.has(column),
  value,
}));

export interface RowProblem {
  code: QuarantineCode;
  reason: string;
}

/**
 * What the database would refuse in one sample, found in code so that one bad row does not cost
 * a failed COPY and a second round trip: an integer outside its column type, a missing NOT NULL
 * value. The telemetry schema bounds most fields already; a few (limits, temperatures) are any
 * integer on the wire and an int4 in the table.
 */
export function checkPackSample(sample: PackSample): RowProblem | undefined {
  for (const check of CHECKS) {
    const v = check.value(sample);
    if (v === undefined || v === null) {
      if (check.required) {
        return { code: 'missing-value', reason: `${check.column} is required` };
      }
      continue;
    }
    if (
      check.range &&
      !(typeof v === 'number' && Number.isInteger(v) && v >= check.range[0] && v <= check.range[1])
    ) {
      return {
        code: 'out-of-range',
        reason: `${check.column} ${String(v)} outside ${check.range.join('..')}`,
      };
    }
  }
  return undefined;
}
