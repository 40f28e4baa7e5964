import { z } from 'zod';
import { type PackSample, packSampleSchema } from './pack-sample.js';
import { type SeriesValue, seriesKeySchema, seriesRowsSchema } from './pack-series-values.js';

/**
 * Field table of the `packs` series, version 1. APPEND-ONLY: an index names the same field
 * forever; a reader ignores indexes beyond its table (a newer minor field).
 */
export const PACK_SERIES_FIELDS = [
  'packVoltageDv',
  'packCurrentDa',
  'bmsTempDc',
  'socPct',
  'sohPct',
  'chargeCutoffDv',
  'dischargeCutoffDv',
  'chargeLimitDa',
  'dischargeLimitDa',
  'dischargeLimitRaw',
  'cellMaxMv',
  'cellMinMv',
  'cellMaxNo',
  'cellMinNo',
  'cellTempMaxDc',
  'cellTempMinDc',
  'cellTempMaxNo',
  'cellTempMinNo',
  'moduleVoltageMaxMv',
  'moduleVoltageMinMv',
  'moduleVoltageMaxNo',
  'moduleVoltageMinNo',
  'moduleTempMaxDc',
  'moduleTempMinDc',
  'moduleTempMaxNo',
  'moduleTempMinNo',
  'state',
  'statusByte',
  'cyclePeriodRaw',
  'errorBits',
  'alarmBits',
  'protectionBits',
  'chargeForbidden',
  'dischargeForbidden',
  'raw',
] as const satisfies readonly (keyof PackSample)[];

export type PackSeriesField = (typeof PACK_SERIES_FIELDS)[number];

/**
 * Pack readings of one string as a key row plus changes (bms.tlm/1, minor 1) — the compact
 * form of many `pack` samples, without field names on the wire:
 *   key:  [v0, v1, …]               every field of PACK_SERIES_FIELDS at `ts`, null = absent
 *   rows: [dtMs, i, v, i, v, …]     a reading `dtMs` after ts; only fields i that changed
 * Each series is self-contained (no state across messages), so ingest stays stateless and a
 * replayed or reordered batch expands to the same samples.
 */
export const packSeriesSchema = z.object({
  kind: z.literal('packs'),
  /** Time of the key row; rows are offsets from it. */
  ts: z.iso.datetime({ offset: true }),
  bus: z.string().min(1).max(32),
  bmsAddress: z.number().int().min(0).max(15),
  key: seriesKeySchema,
  rows: seriesRowsSchema,
});

export type PackSeries = z.infer<typeof packSeriesSchema>;

type Value = SeriesValue;

/** Builds one series from samples of ONE string, in time order (the first is the key row). */
export function encodePackSeries(samples: readonly PackSample[]): PackSeries {
  const first = samples[0];
  if (first === undefined) {
    throw new RangeError('a pack series needs at least one sample');
  }
  const t0 = Date.parse(first.ts);
  const valuesOf = (s: PackSample): Value[] => PACK_SERIES_FIELDS.map((f) => (s[f] ?? null) as Value);
  let previous = valuesOf(first);
  const rows: Value[][] = [];
  for (const sample of samples.slice(1)) {
    const current = valuesOf(sample);
    const row: Value[] = [Date.parse(sample.ts) - t0];
    current.forEach((v, i) => {
      if (JSON.stringify(v) !== JSON.stringify(previous[i])) {
        row.push(i, v);
      }
    });
    rows.push(row);
    previous = current;
  }
  return {
    kind: 'packs',
    ts: first.ts,
    bus: first.bus,
    bmsAddress: first.bmsAddress,
    key: valuesOf(first),
    rows,
  };
}

export interface ExpandedPackSeries {
  samples: PackSample[];
  /** Rows that could not become a valid sample, with the reason; the rest is kept. */
  problems: string[];
}

/** The `pack` samples a series stands for. Never throws; bad rows are reported and skipped. */
export function expandPackSeries(series: PackSeries): ExpandedPackSeries {
  const t0 = Date.parse(series.ts);
  const current = new Map<string, Value>();
  series.key.forEach((v, i) => {
    assign(current, i, v);
  });
  const samples: PackSample[] = [];
  const problems: string[] = [];
  const emit = (dtMs: unknown, at: string) => {
    if (typeof dtMs !== 'number' || !Number.isInteger(dtMs) || dtMs < 0) {
      problems.push(`${at}: time offset must be a whole number ≥ 0`);
      return;
    }
    const fields = Object.fromEntries([...current].filter(([, v]) => v !== null));
    const candidate = {
      kind: 'pack',
      ts: new Date(t0 + dtMs).toISOString(),
      bus: series.bus,
      bmsAddress: series.bmsAddress,
      ...fields,
    };
    const parsed = packSampleSchema.safeParse(candidate);
    if (parsed.success) {
      samples.push(parsed.data);
    } else {
      const issue = parsed.error.issues[0];
      problems.push(`${at}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
  };
  emit(0, 'key');
  series.rows.forEach((row, r) => {
    if (row.length % 2 === 0) {
      problems.push(`rows.${r}: expected [dtMs, index, value, …]`);
      return;
    }
    for (let j = 1; j < row.length; j += 2) {
      assign(current, row[j], row[j + 1] ?? null);
    }
    emit(row[0], `rows.${r}`);
  });
  return { samples, problems };
}

/** Sets field `index`; an index this reader does not know (a newer minor field) is ignored. */
function assign(current: Map<string, Value>, index: Value | undefined, v: Value): void {
  const name = typeof index === 'number' ? PACK_SERIES_FIELDS[index] : undefined;
  if (name !== undefined) {
    current.set(name, v);
  }
}
