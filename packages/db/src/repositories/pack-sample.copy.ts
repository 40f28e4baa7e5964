import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PACK_SAMPLE_COLUMNS } from './pack-sample.columns.js';
import type { PackSampleRow } from './pack-sample.repository.js';

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One field in COPY's text format: `\N` for NULL, booleans as t/f, and backslash, tab, newline
 * and carriage return escaped (the only characters the text format gives a meaning to).
 */
export function copyField(value: unknown): string {
  if (value === undefined || value === null) {
    return '\\N';
  }
  if (typeof value === 'boolean') {
    return value ? 't' : 'f';
  }
  const text = typeof value === 'string' ? value : String(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

export const PACK_SAMPLE_COPY_COLUMNS = ['string_id', ...PACK_SAMPLE_COLUMNS.map(([c]) => c)].join(', ');

/** One pack_sample row as a COPY text line, columns in PACK_SAMPLE_COPY_COLUMNS order. */
export function packSampleCopyLine(row: PackSampleRow): string {
  let line = copyField(row.stringId);
  for (const [, , value] of PACK_SAMPLE_COLUMNS) {
    line += `\t${copyField(value(row.sample))}`;
  }
  return `${line}\n`;
}

/** About 1 MB per write: few stream round trips, bounded memory. */
const CHUNK_CHARS = 1 << 20;

function* chunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) {
    yield chunk;
  }
}

/**
 * `COPY <table> (<columns>) FROM STDIN` with text lines, on the caller's client (so inside its
 * transaction). Rejects with the server's error (e.g. 23505 unique_violation) if any row fails;
 * the whole COPY is then void, and the caller's transaction is aborted.
 */
export async function copyLines(
  client: pg.PoolClient,
  table: string,
  columns: string,
  lines: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`));
  await pipeline(Readable.from(chunks(lines)), stream);
}
