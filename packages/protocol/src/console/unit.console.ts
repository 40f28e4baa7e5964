// `unit`: one row per module (SC-CON; ✔1, PROVISIONAL). Rows come in REVERSE physical order:
// printed index 0 is the last module of the chain (SC-CON's note), so `position` (0 = first
// after the BMS, as `info` lists BMUs) = count − 1 − printed index. Two layouts are known: the
// SC0500 "XHB_CMU_H7" one (avg/BPT/BNT temperatures, fans, more states) and an older one.
import type { ConsoleColumnKey, ConsoleRow } from './console-columns.table.js';
import { renderTable } from './console-columns.table.js';
import type { ConsoleParseResult } from './console-parse-result.js';
import { layoutVariants, readConsoleTable } from './console-table.js';

const OLD: ConsoleColumnKey[] = [
  'index',
  'voltageMv',
  'currentDa',
  'tempDc',
  'cellTempLowDc',
  'cellTempHighDc',
  'cellVoltLowMv',
  'cellVoltHighMv',
  'baseState',
  'voltState',
  'tempState',
  'socPct',
  'remainingMah',
];
const SC0500: ConsoleColumnKey[] = [
  'index',
  'voltageMv',
  'currentDa',
  'tempDc',
  'avgTempDc',
  'bptTempDc',
  'bntTempDc',
  'cellTempLowDc',
  'cellTempHighDc',
  'cellVoltLowMv',
  'cellVoltHighMv',
  'fanPwm',
  'fan1Rpm',
  'fan2Rpm',
  'baseState',
  'voltState',
  'tempState',
  'bptState',
  'bntState',
  'fan1State',
  'fan2State',
  'socPct',
  'remainingMah',
];
const ENERGY: ConsoleColumnKey[] = ['energyPct', 'remainingWh'];

export const UNIT_LAYOUTS = [
  ...layoutVariants(SC0500, { optional: ENERGY }),
  ...layoutVariants(OLD, { optional: ENERGY }, { optional: ['time'] }),
].sort((a, b) => b.length - a.length);

export const UNIT_RENDER_COLUMNS: ConsoleColumnKey[] = [...OLD, ...ENERGY];

export type ConsoleUnit = ConsoleRow & { position: number };

export function parseUnit(lines: readonly string[]): ConsoleParseResult<ConsoleUnit[]> {
  const table = readConsoleTable(lines, UNIT_LAYOUTS);
  if (table.rows.length === 0) {
    return { status: 'corrupt', reason: 'unit: no module rows', ignoredLines: table.ignoredLines };
  }
  const count = table.rows.length;
  const units = table.rows.map((row, i) => ({ ...row, position: count - 1 - (row.index ?? i) }));
  return {
    status: 'ok',
    value: units.sort((a, b) => a.position - b.position),
    ignoredLines: table.ignoredLines,
  };
}

/** Prints modules given in physical order the way the BMS does: last module first, index 0. */
export function renderUnit(units: readonly ConsoleRow[]): string[] {
  const rows = [...units].reverse().map((u, i) => ({ ...u, index: i }));
  return renderTable(UNIT_RENDER_COLUMNS, rows);
}
