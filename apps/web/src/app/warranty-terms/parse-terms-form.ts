import { interpolate } from '../../i18n/dictionary';
import type { Dictionary } from '../../i18n/en';

/** The form's fields, in form order (the first with a problem gets the focus). */
export const TERMS_FIELDS = [
  'moduleType',
  'bmsModel',
  'region',
  'termYears',
  'throughputMwhPerKwh',
  'retainedCapacityPct',
  'cellTempMinC',
  'cellTempMaxC',
  'cellVoltageMinMv',
  'cellVoltageMaxMv',
  'maxCRate',
  'maxCurrentA',
  'validFrom',
  'source',
  'notes',
] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];

/** The body of POST/PUT /api/warranty-terms (temperatures in 0.1 °C, as the API takes them). */
export interface TermsBody {
  moduleType: 'H48050' | 'H48074';
  bmsModel: string | null;
  region: string;
  termYears: number;
  throughputMwhPerKwh: number | null;
  retainedCapacityPct: number | null;
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellVoltageMinMv: number | null;
  cellVoltageMaxMv: number | null;
  maxCRate: number | null;
  maxCurrentA: number | null;
  validFrom: string;
  source: string;
  notes: string | null;
}

export type ParsedTerms =
  | { ok: true; body: TermsBody }
  | { ok: false; fieldErrors: Partial<Record<TermsField, string>> };

type Problems = Dictionary['warranty']['terms']['problems'];

/** A number as typed in either locale ("3.5" or "3,5"); '' is null. */
function numberOf(text: string): number | null | 'bad' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') {
    return null;
  }
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'bad';
}

interface NumberRule {
  min: number;
  max: number;
  whole?: boolean;
  required?: boolean;
}

/**
 * Checks the form as the API will (same ranges), so the admin sees every problem at once, by the
 * field, in their language; the API still checks again.
 */
export function parseTermsForm(values: Partial<Record<TermsField, string>>, p: Problems): ParsedTerms {
  const errors: Partial<Record<TermsField, string>> = {};
  const text = (f: TermsField) => (values[f] ?? '').trim();
  const num = (f: TermsField, rule: NumberRule): number | null => {
    const n = numberOf(text(f));
    if (n === null) {
      if (rule.required) {
        errors[f] = p.required;
      }
      return null;
    }
    if (n === 'bad') {
      errors[f] = p.number;
    } else if (rule.whole && !Number.isInteger(n)) {
      errors[f] = p.wholeNumber;
    } else if (n < rule.min || n > rule.max) {
      errors[f] = interpolate(p.range, { min: rule.min, max: rule.max });
    } else {
      return n;
    }
    return null;
  };
  const body = {
    moduleType: text('moduleType') === 'H48074' ? ('H48074' as const) : ('H48050' as const),
    bmsModel: text('bmsModel') || null,
    region: text('region').toUpperCase(),
    termYears: num('termYears', { min: 1, max: 40, whole: true, required: true }) ?? 0,
    throughputMwhPerKwh: num('throughputMwhPerKwh', { min: 0.001, max: 100 }),
    retainedCapacityPct: num('retainedCapacityPct', { min: 1, max: 100 }),
    cellTempMinDc: tenths(num('cellTempMinC', { min: -40, max: 100 })),
    cellTempMaxDc: tenths(num('cellTempMaxC', { min: -40, max: 100 })),
    cellVoltageMinMv: num('cellVoltageMinMv', { min: 1000, max: 5000, whole: true }),
    cellVoltageMaxMv: num('cellVoltageMaxMv', { min: 1000, max: 5000, whole: true }),
    maxCRate: num('maxCRate', { min: 0.01, max: 10 }),
    maxCurrentA: num('maxCurrentA', { min: 0.1, max: 1000 }),
    validFrom: text('validFrom'),
    source: text('source'),
    notes: text('notes') || null,
  };
  checkText(body, errors, p);
  return Object.keys(errors).length > 0 ? { ok: false, fieldErrors: errors } : { ok: true, body };
}

function tenths(c: number | null): number | null {
  return c === null ? null : Math.round(c * 10);
}

function checkText(body: TermsBody, errors: Partial<Record<TermsField, string>>, p: Problems): void {
  if (!/^[A-Z0-9-]{2,10}$/.test(body.region)) {
    errors.region = p.region;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.validFrom) || Number.isNaN(Date.parse(body.validFrom))) {
    errors.validFrom = p.date;
  }
  if (body.source.length < 3) {
    errors.source = p.sourceShort;
  }
  if (
    body.cellTempMinDc !== null &&
    body.cellTempMaxDc !== null &&
    body.cellTempMinDc >= body.cellTempMaxDc
  ) {
    errors.cellTempMinC ??= p.order;
  }
  if (
    body.cellVoltageMinMv !== null &&
    body.cellVoltageMaxMv !== null &&
    body.cellVoltageMinMv >= body.cellVoltageMaxMv
  ) {
    errors.cellVoltageMinMv ??= p.order;
  }
}
