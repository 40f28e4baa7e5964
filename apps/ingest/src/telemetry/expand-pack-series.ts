import {
  type ExpandedPackSeries,
  PACK_SERIES_FIELDS,
  type PackSeries,
  packSampleSchema,
} from '@fleet/telemetry';
import { type FieldCheck, fieldCheck } from './field-check.js';
import { packSampleLiteral } from './pack-sample-literal.js';

type Value = PackSeries['key'][number];

const FIELD_COUNT = PACK_SERIES_FIELDS.length;
const FIELD_CHECKS: readonly FieldCheck[] = PACK_SERIES_FIELDS.map((name) =>
  fieldCheck(packSampleSchema.shape[name]),
);

/** Built once: zod compiles a schema on first use, which costs more than many parses. */
const HEAD_SCHEMA = packSampleSchema.pick({ bus: true, bmsAddress: true });

/** The series' bus or address problem as zod names it, or undefined (a plain check first). */
function headProblem({ bus, bmsAddress }: PackSeries): string | undefined {
  const plain =
    typeof bus === 'string' &&
    bus.length >= 1 &&
    bus.length <= 32 &&
    Number.isInteger(bmsAddress) &&
    bmsAddress >= 0 &&
    bmsAddress <= 15;
  if (plain) {
    return undefined;
  }
  const check = HEAD_SCHEMA.safeParse({ bus, bmsAddress });
  const issue = check.success ? undefined : check.error.issues[0];
  return issue && `${issue.path.join('.')}: ${issue.message}`;
}

/**
 * expandPackSeries (@fleet/telemetry) with the same result, validating each field value when it
 * is set (a plain check, zod only for values that fail it) instead of parsing the whole 35-field
 * sample on every row: a series row changes a few fields, and the full per-row parse was the
 * largest CPU cost of ingest (bench:ingest profile). Each sample is one object literal
 * (packSampleLiteral: absent fields are undefined keys). packSampleSchema is a plain object of
 * independent fields, so checking the changed field is the same check; each row's time is built
 * here and always valid. An invalid field keeps its row (and the following rows, until it is set
 * again) out, as in expandPackSeries. Kept equal to it by a property test.
 */
export function expandPackSeriesIncremental(series: PackSeries): ExpandedPackSeries {
  const head = headProblem(series);
  const t0 = Date.parse(series.ts);
  // By field index (PACK_SERIES_FIELDS); an index beyond the table is a newer minor field, ignored.
  const values: Value[] = Array<Value>(FIELD_COUNT).fill(null);
  const problems: (string | undefined)[] = Array<string | undefined>(FIELD_COUNT).fill(undefined);
  let invalid = 0;
  const set = (index: Value | undefined, v: Value) => {
    if (typeof index !== 'number' || !(index >= 0 && index < FIELD_COUNT) || !Number.isInteger(index)) {
      return;
    }
    values[index] = v;
    const problem = FIELD_CHECKS[index]?.(v === null ? undefined : v);
    invalid += (problem === undefined ? 0 : 1) - (problems[index] === undefined ? 0 : 1);
    problems[index] = problem;
  };
  for (let i = 0; i < FIELD_COUNT; i++) {
    set(i, series.key[i] ?? null);
  }
  const out: ExpandedPackSeries = { samples: [], problems: [] };
  const emit = (dtMs: unknown, at: string) => {
    if (typeof dtMs !== 'number' || !Number.isInteger(dtMs) || dtMs < 0) {
      out.problems.push(`${at}: time offset must be a whole number ≥ 0`);
    } else if (head !== undefined) {
      out.problems.push(`${at}: ${head}`);
    } else if (invalid > 0) {
      const i = problems.findIndex((p) => p !== undefined);
      out.problems.push(`${at}: ${PACK_SERIES_FIELDS[i]}: ${problems[i]}`);
    } else {
      const ts = new Date(t0 + dtMs).toISOString();
      out.samples.push(packSampleLiteral(ts, series.bus, series.bmsAddress, values));
    }
  };
  emit(0, 'key');
  series.rows.forEach((row, r) => {
    if (row.length % 2 === 0) {
      out.problems.push(`rows.${r}: expected [dtMs, index, value, …]`);
      return;
    }
    for (let j = 1; j < row.length; j += 2) {
      set(row[j], row[j + 1] ?? null);
    }
    emit(row[0], `rows.${r}`);
  });
  return out;
}
