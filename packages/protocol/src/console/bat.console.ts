// `bat`: one row per cell of the whole string (SC-CON; ✔1, PROVISIONAL): preamble
// (Time, A.Tempr m°C, C.Curr / D.Curr mA, B.State), a header, then rows of index, volt mV,
// current mA, temperature m°C, voltage/temperature states, coulomb % and mAh, optionally energy
// % and mWh, and a balancing mark. Cells come in REVERSE module order: the first 15 rows are
// the last module's (SC-CON), so with `cellsPerModule` the module position is derived.
import type { ConsoleColumnKey, ConsoleRow } from './console-columns.table.js';
import { renderTable } from './console-columns.table.js';
import { labelDa, labelDc, labelText } from './console-labels.js';
import type { ConsoleParseResult } from './console-parse-result.js';
import { layoutVariants, readConsoleTable } from './console-table.js';

/** H48050 / H48074 modules have 15 cells (protocol reference §6). */
export const CELLS_PER_MODULE = 15;

const HEAD: ConsoleColumnKey[] = [
  'index',
  'voltageMv',
  'currentDa',
  'tempDc',
  'voltState',
  'tempState',
  'socPct',
  'remainingMah',
];
export const BAT_LAYOUTS = layoutVariants(HEAD, { optional: ['energyPct', 'remainingWh'] }, ['balance'], {
  optional: ['time'],
});
export const BAT_RENDER_COLUMNS: ConsoleColumnKey[] = [...HEAD, 'energyPct', 'remainingWh', 'balance'];

/** `module` is the physical position (0 = first after the BMS); `cell` the cell within it (0-14). */
export type ConsoleCell = ConsoleRow & { module: number; cell: number };

export interface ConsoleBat {
  time?: string;
  avgTempDc?: number;
  chargeCurrentDa?: number;
  dischargeCurrentDa?: number;
  state?: string;
  /** In physical order: module 0 cell 0 first. */
  cells: ConsoleCell[];
}

export function parseBat(
  lines: readonly string[],
  cellsPerModule = CELLS_PER_MODULE,
): ConsoleParseResult<ConsoleBat> {
  const table = readConsoleTable(lines, BAT_LAYOUTS);
  if (table.rows.length === 0) {
    return { status: 'corrupt', reason: 'bat: no cell rows', ignoredLines: table.ignoredLines };
  }
  const modules = Math.ceil(table.rows.length / cellsPerModule);
  const cells = table.rows.map((row, i) => ({
    ...row,
    module: modules - 1 - Math.floor(i / cellsPerModule),
    cell: i % cellsPerModule,
  }));
  cells.sort((a, b) => a.module - b.module || a.cell - b.cell);
  const value: ConsoleBat = { cells };
  const extras = {
    time: labelText(table.labels, 'Time'),
    avgTempDc: labelDc(table.labels, 'A.Tempr', 'Tempr'),
    chargeCurrentDa: labelDa(table.labels, 'C.Curr'),
    dischargeCurrentDa: labelDa(table.labels, 'D.Curr'),
    state: labelText(table.labels, 'B.State'),
  };
  for (const [key, v] of Object.entries(extras)) {
    if (v !== undefined) {
      (value as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return { status: 'ok', value, ignoredLines: table.ignoredLines };
}

/** Prints cells given in physical order (module 0 first) the way the BMS does: last module first. */
export function renderBat(value: Omit<ConsoleBat, 'cells'> & { cells: readonly ConsoleRow[][] }): string[] {
  const pre: string[] = [];
  const line = (label: string, text: string | number | undefined) => {
    if (text !== undefined) {
      pre.push(`${label.padEnd(8)}: ${text}`);
    }
  };
  line('Time', value.time);
  line('A.Tempr', value.avgTempDc === undefined ? undefined : value.avgTempDc * 100);
  line('C.Curr', value.chargeCurrentDa === undefined ? undefined : value.chargeCurrentDa * 100);
  line('D.Curr', value.dischargeCurrentDa === undefined ? undefined : value.dischargeCurrentDa * 100);
  line('B.State', value.state);
  const rows = [...value.cells]
    .reverse()
    .flat()
    .map((c, i) => ({ ...c, index: i }));
  return [...pre, ...renderTable(BAT_RENDER_COLUMNS, rows)];
}
