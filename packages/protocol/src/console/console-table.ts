// Reads the column tables of `pwr`, `unit` and `bat` (PROVISIONAL layouts, see
// console-columns.table.ts): column order from the header line when its words are known and
// match the row; otherwise the positional layouts the sources document, picked by value count.
import {
  type ConsoleColumnKey,
  type ConsoleRow,
  columnsOfHeader,
  rowOf,
  rowValues,
} from './console-columns.table.js';
import { normaliseLabel } from './console-labels.js';
import { consoleInt } from './console-units.js';

export interface ConsoleTable {
  header: (ConsoleColumnKey | undefined)[] | undefined;
  rows: ConsoleRow[];
  /** `Label : value` lines, label normalised (lower case, no dots/signs/spaces). */
  labels: Map<string, string>;
  ignoredLines: number;
}

const MIN_KNOWN_HEADER_WORDS = 3;

function isHeader(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < MIN_KNOWN_HEADER_WORDS || words.some((w) => consoleInt(w) !== undefined)) {
    return false;
  }
  return columnsOfHeader(line).filter((k) => k !== undefined).length >= MIN_KNOWN_HEADER_WORDS;
}

function isDataRow(line: string): boolean {
  return consoleInt(line.trim().split(/\s+/)[0]) !== undefined;
}

/** Expands a layout with optional parts into every variant, longest first. */
export function layoutVariants(
  ...parts: (readonly ConsoleColumnKey[] | { optional: readonly ConsoleColumnKey[] })[]
): ConsoleColumnKey[][] {
  let variants: ConsoleColumnKey[][] = [[]];
  for (const part of parts) {
    if ('optional' in part) {
      variants = variants.flatMap((v) => [[...v, ...part.optional], v]);
    } else {
      variants = variants.map((v) => [...v, ...part]);
    }
  }
  return variants.sort((a, b) => b.length - a.length);
}

export function readConsoleTable(
  lines: readonly string[],
  layouts: readonly ConsoleColumnKey[][],
): ConsoleTable {
  const table: ConsoleTable = { header: undefined, rows: [], labels: new Map(), ignoredLines: 0 };
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (isDataRow(line)) {
      const values = rowValues(line);
      const keys =
        table.header?.length === values.length
          ? table.header
          : layouts.find((l) => l.length === values.length);
      if (keys === undefined) {
        table.ignoredLines += 1;
      } else {
        table.rows.push(rowOf(keys, values));
      }
    } else if (table.header === undefined && isHeader(line)) {
      table.header = columnsOfHeader(line);
    } else if (colon > 0 && table.header === undefined) {
      table.labels.set(normaliseLabel(line.slice(0, colon)), line.slice(colon + 1).trim());
    } else {
      table.ignoredLines += 1;
    }
  }
  return table;
}
