// `pwr`: the string's summary (SC-CON; ✔1, PROVISIONAL). Optional preamble lines
// (Time, Bat.Avg.Tmpr m°C, D+D-.Volt mV, B+B-.Volt mV), a header, one data row: pack volt,
// current, temperature, cell and unit extremes, four states, coulomb % and mAh, optionally
// energy % and mWh, optionally a date and time (older firmware), four more states, error code.
import type { ConsoleColumnKey, ConsoleRow } from './console-columns.table.js';
import { renderTable } from './console-columns.table.js';
import { labelDc, labelMv, labelText } from './console-labels.js';
import type { ConsoleParseResult } from './console-parse-result.js';
import { layoutVariants, readConsoleTable } from './console-table.js';

const HEAD: ConsoleColumnKey[] = [
  'voltageMv',
  'currentDa',
  'tempDc',
  'cellTempLowDc',
  'cellTempHighDc',
  'cellVoltLowMv',
  'cellVoltHighMv',
  'unitTempLowDc',
  'unitTempHighDc',
  'unitVoltLowMv',
  'unitVoltHighMv',
  'baseState',
  'voltState',
  'currState',
  'tempState',
  'socPct',
  'remainingMah',
];
const TAIL: ConsoleColumnKey[] = [
  'cellVoltState',
  'cellTempState',
  'unitVoltState',
  'unitTempState',
  'errorCode',
];

/** Positional layouts when the header is missing or unknown, longest first. */
export const PWR_LAYOUTS = layoutVariants(
  HEAD,
  { optional: ['energyPct', 'remainingWh'] },
  { optional: ['time'] },
  TAIL,
);

/** What the simulator prints: SC0500-style, with the energy columns, without a date. */
export const PWR_RENDER_COLUMNS: ConsoleColumnKey[] = [...HEAD, 'energyPct', 'remainingWh', ...TAIL];

export interface ConsolePwr {
  time?: string;
  avgTempDc?: number;
  /** D+D- (the DC bus side of the relays) and B+B- (the battery side), mV. */
  dcVoltageMv?: number;
  batVoltageMv?: number;
  pack: ConsoleRow;
}

export function parsePwr(lines: readonly string[]): ConsoleParseResult<ConsolePwr> {
  const table = readConsoleTable(lines, PWR_LAYOUTS);
  const pack = table.rows[0];
  const ignoredLines = table.ignoredLines + Math.max(0, table.rows.length - 1);
  if (pack === undefined) {
    return { status: 'corrupt', reason: 'pwr: no data row', ignoredLines };
  }
  const value: ConsolePwr = { pack };
  const time = labelText(table.labels, 'Time');
  const avgTempDc = labelDc(table.labels, 'Bat.Avg.Tmpr', 'Average');
  const dcVoltageMv = labelMv(table.labels, 'D+D-.Volt', 'DC');
  const batVoltageMv = labelMv(table.labels, 'B+B-.Volt', 'Bat Voltage');
  Object.assign(
    value,
    time === undefined ? {} : { time },
    avgTempDc === undefined ? {} : { avgTempDc },
    dcVoltageMv === undefined ? {} : { dcVoltageMv },
    batVoltageMv === undefined ? {} : { batVoltageMv },
  );
  return { status: 'ok', value, ignoredLines };
}

export function renderPwr(value: ConsolePwr): string[] {
  const pre: string[] = [];
  if (value.time !== undefined) {
    pre.push(`Time         : ${value.time}`);
  }
  if (value.avgTempDc !== undefined) {
    pre.push(`Bat.Avg.Tmpr : ${value.avgTempDc * 100}`);
  }
  if (value.dcVoltageMv !== undefined) {
    pre.push(`D+D-.Volt    : ${value.dcVoltageMv}`);
  }
  if (value.batVoltageMv !== undefined) {
    pre.push(`B+B-.Volt    : ${value.batVoltageMv}`);
  }
  return [...pre, ...renderTable(PWR_RENDER_COLUMNS, [value.pack])];
}
