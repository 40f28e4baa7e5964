import { csvRow } from '../../audit/csv-row.js';

/** Rows per yielded string: fewer, larger writes into the chunk store. */
const ROWS_PER_CHUNK = 200;

/** A CSV file as text chunks: the header, then the rows (RFC 4180, CRLF, UTF-8). */
export async function* csvLines(
  header: readonly string[],
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
): AsyncGenerator<string> {
  let text = csvRow(header);
  let count = 0;
  for await (const row of rows) {
    text += csvRow(row);
    count += 1;
    if (count % ROWS_PER_CHUNK === 0) {
      yield text;
      text = '';
    }
  }
  if (text !== '') {
    yield text;
  }
}

/** A number with a fixed count of decimals (stable text, so a CSV hashes the same every time); empty for none. */
export function fixed(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : value.toFixed(decimals);
}

/** ISO 8601 UTC, or empty. */
export function iso(value: Date | null | undefined): string {
  return value ? value.toISOString() : '';
}

/** The UTC day of a timestamp, YYYY-MM-DD. */
export function utcDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}
