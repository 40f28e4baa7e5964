// `getpwr` (debug console, after `login debug` and `tbar <BMS barcode>`; SC-CLI, ✔1,
// PROVISIONAL): every data line is `#`-separated. First line: pack volt mV # current mA #
// average temperature m°C # remaining capacity (SC-CLI labels it Wh; unit unconfirmed, kept
// raw) # status # voltage status # current status # temperature status. Then one line per cell
// (volt mV # temperature m°C # status 1 # status 2). The last two `#` lines: error code, cycles.
import type { ConsoleParseResult } from './console-parse-result.js';
import { consoleInt, daFromMa, dcFromMilliC, maFromDa, milliCFromDc } from './console-units.js';

export interface GetpwrCell {
  voltageMv?: number;
  tempDc?: number;
  status1: string;
  status2: string;
}

export interface ConsoleGetpwr {
  packVoltageMv?: number;
  packCurrentDa?: number;
  avgTempDc?: number;
  /** Fourth field, as printed: SC-CLI calls it capacity in Wh; not confirmed. */
  capacityRaw: string;
  status: string;
  voltageStatus: string;
  currentStatus: string;
  temperatureStatus: string;
  /** In the order printed (SC-CLI numbers them 1…n). */
  cells: GetpwrCell[];
  errorCode?: number;
  cycleCount?: number;
}

const HEADER_FIELDS = 8;
const fieldsOf = (line: string) => line.split('#').map((p) => p.trim());

function setIf<T extends object>(target: T, key: keyof T, value: number | undefined): void {
  if (value !== undefined) {
    (target as Record<keyof T, unknown>)[key] = value;
  }
}

export function parseGetpwr(lines: readonly string[]): ConsoleParseResult<ConsoleGetpwr> {
  const data = lines.filter((l) => l.includes('#'));
  const ignoredLines = lines.length - data.length;
  const head = fieldsOf(data[0] ?? '');
  if (data.length < 3 || head.length < HEADER_FIELDS) {
    return {
      status: 'corrupt',
      reason: 'getpwr: needs a summary line, cell lines and two footer lines',
      ignoredLines,
    };
  }
  const value: ConsoleGetpwr = {
    capacityRaw: head[3] ?? '',
    status: head[4] ?? '',
    voltageStatus: head[5] ?? '',
    currentStatus: head[6] ?? '',
    temperatureStatus: head[7] ?? '',
    cells: [],
  };
  const milli = (text: string | undefined, f: (n: number) => number) => {
    const n = consoleInt(text);
    return n === undefined ? undefined : f(n);
  };
  setIf(value, 'packVoltageMv', consoleInt(head[0]));
  setIf(value, 'packCurrentDa', milli(head[1], daFromMa));
  setIf(value, 'avgTempDc', milli(head[2], dcFromMilliC));
  for (const line of data.slice(1, -2)) {
    const f = fieldsOf(line);
    const cell: GetpwrCell = { status1: f[2] ?? '', status2: f[3] ?? '' };
    setIf(cell, 'voltageMv', consoleInt(f[0]));
    setIf(cell, 'tempDc', milli(f[1], dcFromMilliC));
    value.cells.push(cell);
  }
  setIf(value, 'errorCode', consoleInt(data.at(-2)?.replaceAll('#', '').trim()));
  setIf(value, 'cycleCount', consoleInt(data.at(-1)?.replaceAll('#', '').trim()));
  return { status: 'ok', value, ignoredLines };
}

export function renderGetpwr(v: ConsoleGetpwr): string[] {
  const n = (x: number | undefined, f: (n: number) => number = (y) => y) =>
    x === undefined ? '' : String(f(x));
  const head = [
    n(v.packVoltageMv),
    n(v.packCurrentDa, maFromDa),
    n(v.avgTempDc, milliCFromDc),
    v.capacityRaw,
    v.status,
    v.voltageStatus,
    v.currentStatus,
    v.temperatureStatus,
  ];
  const cells = v.cells.map((c) =>
    [n(c.voltageMv), n(c.tempDc, milliCFromDc), c.status1, c.status2].join(' # '),
  );
  return [
    `${head.join(' # ')} #`,
    ...cells.map((c) => `${c} #`),
    `${n(v.errorCode)} #`,
    `${n(v.cycleCount)} #`,
  ];
}
