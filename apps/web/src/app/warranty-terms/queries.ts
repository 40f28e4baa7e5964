import { callApi } from '../../lib/api/client';
import type { components } from '../../lib/api/schema.gen';
import { redirectToLogin, requireSessionToken } from '../../lib/session';
import type { TermsField } from './parse-terms-form';

export type WarrantyTerms = components['schemas']['WarrantyTerms'];

/** The organisation's warranty terms (GET /api/warranty-terms). */
export async function getTerms(): Promise<WarrantyTerms[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/warranty-terms'));
  if (result.ok) {
    return result.data.items;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the warranty terms: ${result.message}`);
}

const text = (n: number | null, scale = 1) => (n === null ? '' : String(n / scale));

/** Stored terms as the form's text values (0.1 °C back to °C). */
export function formValuesOf(t: WarrantyTerms): Partial<Record<TermsField, string>> {
  return {
    moduleType: t.moduleType,
    bmsModel: t.bmsModel ?? '',
    region: t.region,
    termYears: String(t.termYears),
    throughputMwhPerKwh: text(t.throughputMwhPerKwh),
    retainedCapacityPct: text(t.retainedCapacityPct),
    cellTempMinC: text(t.cellTempMinDc, 10),
    cellTempMaxC: text(t.cellTempMaxDc, 10),
    cellVoltageMinMv: text(t.cellVoltageMinMv),
    cellVoltageMaxMv: text(t.cellVoltageMaxMv),
    maxCRate: text(t.maxCRate),
    maxCurrentA: text(t.maxCurrentA),
    validFrom: t.validFrom,
    source: t.source,
    notes: t.notes ?? '',
  };
}
