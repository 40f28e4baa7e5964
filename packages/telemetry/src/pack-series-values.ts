import { z } from 'zod';
import { quickOrZod } from './quick-or-zod.js';

/** One value of a series' key or row: a number, text, flag, null (absent) or raw frames. */
export const seriesValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.record(z.string(), z.string()),
]);

export type SeriesValue = z.infer<typeof seriesValueSchema>;

/** The nested zod arrays the quick checks stand for: they decide and explain anything else. */
const KEY_MAX = 256;
const ROW_MAX = 513;
const ROWS_MAX = 100_000;
const zodKey = z.array(seriesValueSchema).min(1).max(KEY_MAX);
const zodRows = z.array(z.array(seriesValueSchema).min(1).max(ROW_MAX)).max(ROWS_MAX);

/**
 * A value the union accepts without asking zod: a finite number (z.number() refuses NaN and
 * ±Infinity), a string, a boolean or null. Objects (raw frames, rare) go to zod. The union per
 * value tried number, string and boolean before null, with an issue object per miss, for every
 * absent field of every key row.
 */
function isPlainValue(v: unknown): boolean {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v))
  );
}

function isPlainRow(row: unknown, max: number): boolean {
  if (!Array.isArray(row) || row.length < 1 || row.length > max) {
    return false;
  }
  for (let i = 0; i < row.length; i++) {
    if (!isPlainValue(row[i])) {
      return false;
    }
  }
  return true;
}

function isPlainRows(rows: unknown): boolean {
  if (!Array.isArray(rows) || rows.length > ROWS_MAX) {
    return false;
  }
  for (let r = 0; r < rows.length; r++) {
    if (!isPlainRow(rows[r], ROW_MAX)) {
      return false;
    }
  }
  return true;
}

/** A series' key row: 1–256 values. */
export const seriesKeySchema = quickOrZod<SeriesValue[]>((v) => isPlainRow(v, KEY_MAX), zodKey);

/** A series' change rows: up to 100,000 rows of 1–513 values. */
export const seriesRowsSchema = quickOrZod<SeriesValue[][]>(isPlainRows, zodRows);
