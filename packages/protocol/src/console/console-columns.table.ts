// Columns of the SC console tables (`pwr`, `unit`, `bat`) as data. PROVISIONAL: the exact
// header words of a real SC1000 are not in any source we have. What is known (SC-CON, and the
// older client it derives from): which values appear, in which order, in which milli-units;
// that the SC0500 "XHB_CMU_H7" firmware adds AvgTempr/BPT/BNT/fan columns to `unit`; that some
// rows glue units on as separate words ("mAH", "mWH"); that older firmware puts a date and
// time in the `pwr` row. `header` is what our renderer prints; `aliases` are header words
// (normalised: lower case, no dots) the parser maps to the same column.
import {
  consoleInt,
  daFromMa,
  dcFromMilliC,
  maFromDa,
  milliCFromDc,
  mwhFromWh,
  whFromMwh,
} from './console-units.js';

export type ColumnKind = 'mv' | 'ma' | 'mc' | 'pct' | 'mah' | 'mwh' | 'int' | 'text' | 'datetime';

export interface ColumnDefinition {
  key: string;
  header: string;
  aliases: readonly string[];
  kind: ColumnKind;
}

const col = (key: string, header: string, kind: ColumnKind, ...aliases: string[]): ColumnDefinition => ({
  key,
  header,
  kind,
  aliases: [normaliseHeader(header), ...aliases],
});

export const CONSOLE_COLUMNS = [
  col('index', 'Index', 'int', 'battery', 'bat', 'unit', 'no'),
  col('voltageMv', 'Volt', 'mv', 'voltage'),
  col('currentDa', 'Curr', 'ma', 'current'),
  col('tempDc', 'Tempr', 'mc', 'tmpr', 'temp'),
  col('avgTempDc', 'AvgTempr', 'mc', 'avgtmpr'),
  col('bptTempDc', 'BPTTempr', 'mc', 'bpttmpr'),
  col('bntTempDc', 'BNTTempr', 'mc', 'bnttmpr'),
  col('cellTempLowDc', 'Tlow', 'mc', 'tlowest'),
  col('cellTempHighDc', 'Thigh', 'mc', 'thighest'),
  col('cellVoltLowMv', 'Vlow', 'mv', 'vlowest'),
  col('cellVoltHighMv', 'Vhigh', 'mv', 'vhighest'),
  col('unitTempLowDc', 'UTlow', 'mc', 'mtlow'),
  col('unitTempHighDc', 'UThigh', 'mc', 'mthigh'),
  col('unitVoltLowMv', 'UVlow', 'mv', 'mvlow'),
  col('unitVoltHighMv', 'UVhigh', 'mv', 'mvhigh'),
  col('fanPwm', 'FanPWM', 'text'),
  col('fan1Rpm', 'Fan1', 'text', 'fan1rpm'),
  col('fan2Rpm', 'Fan2', 'text', 'fan2rpm'),
  col('baseState', 'Base.St', 'text', 'basest', 'basestate'),
  col('voltState', 'Volt.St', 'text', 'voltstate', 'vst', 'vstate'),
  col('currState', 'Curr.St', 'text', 'currstate'),
  col('tempState', 'Temp.St', 'text', 'tempstate', 'tst', 'tstate'),
  col('bptState', 'BPT.St', 'text'),
  col('bntState', 'BNT.St', 'text'),
  col('fan1State', 'Fan1.St', 'text'),
  col('fan2State', 'Fan2.St', 'text'),
  col('socPct', 'Coulomb', 'pct', 'coulombah', 'soc'),
  col('remainingMah', 'Coulomb.mAh', 'mah', 'mah'),
  col('energyPct', 'CoulombWH', 'pct', 'coulombwhpct'),
  col('remainingWh', 'CoulombWH.mWh', 'mwh', 'mwh'),
  col('time', 'Time', 'datetime', 'date'),
  col('cellVoltState', 'B.V.St', 'text', 'bvst', 'cellvoltstate'),
  col('cellTempState', 'B.T.St', 'text', 'btst', 'celltempstate'),
  col('unitVoltState', 'U.V.St', 'text', 'uvst', 'unitvoltstate'),
  col('unitTempState', 'U.T.St', 'text', 'utst', 'unittempstate'),
  col('errorCode', 'ErrCode', 'text', 'errorcode', 'error'),
  col('balance', 'Bal', 'text', 'balance'),
] as const;

/** Numeric fields in project units, text fields as printed; every field optional. */
export interface ConsoleRow {
  index?: number;
  voltageMv?: number;
  currentDa?: number;
  tempDc?: number;
  avgTempDc?: number;
  bptTempDc?: number;
  bntTempDc?: number;
  cellTempLowDc?: number;
  cellTempHighDc?: number;
  cellVoltLowMv?: number;
  cellVoltHighMv?: number;
  unitTempLowDc?: number;
  unitTempHighDc?: number;
  unitVoltLowMv?: number;
  unitVoltHighMv?: number;
  fanPwm?: string;
  fan1Rpm?: string;
  fan2Rpm?: string;
  baseState?: string;
  voltState?: string;
  currState?: string;
  tempState?: string;
  bptState?: string;
  bntState?: string;
  fan1State?: string;
  fan2State?: string;
  socPct?: number;
  remainingMah?: number;
  energyPct?: number;
  remainingWh?: number;
  time?: string;
  cellVoltState?: string;
  cellTempState?: string;
  unitVoltState?: string;
  unitTempState?: string;
  errorCode?: string;
  balance?: string;
  /** Every value as printed, by column key (or `col<N>` under an unknown header word). */
  raw: Record<string, string>;
}

export type ConsoleColumnKey = Exclude<keyof ConsoleRow, 'raw'>;

export function normaliseHeader(word: string): string {
  return word.toLowerCase().replace(/[.\-_+%()]/g, '');
}

const BY_ALIAS = new Map<string, ColumnDefinition>();
const BY_KEY = new Map<string, ColumnDefinition>();
for (const c of CONSOLE_COLUMNS) {
  BY_KEY.set(c.key, c);
  for (const alias of c.aliases) {
    BY_ALIAS.set(alias, c);
  }
}

export function columnByKey(key: ConsoleColumnKey): ColumnDefinition {
  return BY_KEY.get(key) as ColumnDefinition;
}

/** Column keys of a header line; unknown words give undefined (their values stay raw only). */
export function columnsOfHeader(line: string): (ConsoleColumnKey | undefined)[] {
  return line
    .trim()
    .split(/\s+/)
    .map((w) => BY_ALIAS.get(normaliseHeader(w))?.key as ConsoleColumnKey | undefined);
}

const UNIT_WORDS = new Set(['mah', 'mwh', 'wh', 'mv', 'ma']);
const DATE = /^\d{2,4}[-/]\d{1,2}[-/]\d{1,4}$/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?$/;

/** Values of a data row: unit words dropped, a date and its time joined into one value. */
export function rowValues(line: string): string[] {
  const words = line.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] as string;
    if (UNIT_WORDS.has(w.toLowerCase())) {
      continue;
    }
    if (DATE.test(w) && TIME.test(words[i + 1] ?? '')) {
      out.push(`${w} ${words[i + 1]}`);
      i += 1;
      continue;
    }
    out.push(w);
  }
  return out;
}

function convert(kind: ColumnKind, text: string): number | string | undefined {
  const n = consoleInt(text);
  switch (kind) {
    case 'text':
    case 'datetime':
      return text;
    case 'ma':
      return n === undefined ? undefined : daFromMa(n);
    case 'mc':
      return n === undefined ? undefined : dcFromMilliC(n);
    case 'mwh':
      return n === undefined ? undefined : whFromMwh(n);
    case 'mv':
    case 'pct':
    case 'mah':
    case 'int':
      return n;
  }
}

/** A row under the given columns; values that do not read as their kind stay only in `raw`. */
export function rowOf(
  keys: readonly (ConsoleColumnKey | undefined)[],
  values: readonly string[],
): ConsoleRow {
  const row: ConsoleRow = { raw: {} };
  keys.forEach((key, i) => {
    const text = values[i] ?? '';
    row.raw[key ?? `col${i}`] = text;
    if (key !== undefined) {
      const value = convert(columnByKey(key).kind, text);
      if (value !== undefined) {
        (row as unknown as Record<string, unknown>)[key] = value;
      }
    }
  });
  return row;
}

/** The printed words of one value (the renderer's inverse of `rowOf`). */
export function printValue(key: ConsoleColumnKey, value: number | string | undefined): string {
  const { kind } = columnByKey(key);
  if (value === undefined) {
    return 'Null';
  }
  if (typeof value === 'string') {
    return value;
  }
  switch (kind) {
    case 'ma':
      return String(maFromDa(value));
    case 'mc':
      return String(milliCFromDc(value));
    case 'mwh':
      return `${mwhFromWh(value)} mWH`;
    case 'mah':
      return `${value} mAH`;
    case 'pct':
      return `${value}%`;
    case 'mv':
    case 'int':
    case 'text':
    case 'datetime':
      return String(value);
  }
}

/** Header line and data lines of a table, columns padded for reading. */
export function renderTable(keys: readonly ConsoleColumnKey[], rows: readonly ConsoleRow[]): string[] {
  const header = keys.map((k) => columnByKey(k).header.padEnd(9)).join(' ');
  const lines = rows.map((row) => keys.map((k) => printValue(k, row[k]).padEnd(9)).join(' '));
  return [header.trimEnd(), ...lines.map((l) => l.trimEnd())];
}
