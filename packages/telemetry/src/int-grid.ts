import { z } from 'zod';

/** zod's name for what it received, so the messages read as the nested z.array schema's did. */
function received(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'array';
  }
  if (typeof v === 'number') {
    return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : 'Infinity';
  }
  return typeof v;
}

export interface IntGridBounds {
  min: number;
  max: number;
  /** Rows (modules): at least / at most. */
  minRows: number;
  maxRows: number;
  /** Values per row: at least / at most. */
  minCols: number;
  maxCols: number;
  /** A value may be null (a sensor not read). */
  nullable: boolean;
}

type Issue = { message: string; path: number[] };

function checkValue(v: unknown, b: IntGridBounds, path: number[], out: Issue[]): void {
  if (typeof v === 'number' && Number.isInteger(v)) {
    if (v < b.min) {
      out.push({ message: `Too small: expected number to be >=${b.min}`, path });
    } else if (v > b.max) {
      out.push({ message: `Too big: expected number to be <=${b.max}`, path });
    }
  } else if (!(v === null && b.nullable)) {
    const what = typeof v === 'number' && Number.isFinite(v) ? 'int' : 'number';
    out.push({ message: `Invalid input: expected ${what}, received ${received(v)}`, path });
  }
}

function checkLength(n: number, min: number, max: number, path: number[], out: Issue[]): void {
  if (n < min) {
    out.push({ message: `Too small: expected array to have >=${min} items`, path });
  } else if (n > max) {
    out.push({ message: `Too big: expected array to have <=${max} items`, path });
  }
}

/** Every issue of a [row][value] integer grid, in one pass, with zod's messages and paths. */
export function intGridIssues(grid: unknown, b: IntGridBounds): Issue[] {
  const out: Issue[] = [];
  if (!Array.isArray(grid)) {
    return [{ message: `Invalid input: expected array, received ${received(grid)}`, path: [] }];
  }
  for (let r = 0; r < grid.length; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row)) {
      out.push({ message: `Invalid input: expected array, received ${received(row)}`, path: [r] });
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      checkValue(row[c], b, [r, c], out);
    }
    checkLength(row.length, b.minCols, b.maxCols, [r], out);
  }
  checkLength(grid.length, b.minRows, b.maxRows, [], out);
  return out;
}

/**
 * A [row][value] integer grid (cell voltages, cell temperatures) checked by one loop instead of
 * a nested z.array(z.array(z.number().int()...)): a 15 × 15 snapshot is 225 values, and zod's
 * per-element parse (a result object and checks per value) dominated the ingest profile. Same
 * messages and paths as the nested schema (cell-snapshot.spec.ts compares them).
 */
export function intGrid<T extends number | null = number>(bounds: IntGridBounds) {
  return z
    .custom<T[][]>(() => true)
    .superRefine((grid, ctx) => {
      for (const issue of intGridIssues(grid, bounds)) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
      }
    });
}
