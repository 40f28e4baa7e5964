import type { WarrantyTermsRow } from '@fleet/db';
import type { WarrantyTermsDto } from './warranty-terms.dto.js';

export function termsToDto(row: WarrantyTermsRow): WarrantyTermsDto {
  return {
    id: row.id,
    moduleType: row.moduleType,
    bmsModel: row.bmsModel,
    region: row.region,
    termYears: row.termYears,
    throughputMwhPerKwh: row.throughputMwhPerKwh,
    retainedCapacityPct: row.retainedCapacityPct,
    cellTempMinDc: row.cellTempMinDc,
    cellTempMaxDc: row.cellTempMaxDc,
    cellVoltageMinMv: row.cellVoltageMinMv,
    cellVoltageMaxMv: row.cellVoltageMaxMv,
    maxCRate: row.maxCRate,
    maxCurrentA: row.maxCurrentA,
    validFrom: row.validFrom,
    source: row.source,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
  };
}
