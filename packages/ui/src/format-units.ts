// Unit formatting for the integer units of the telemetry contract (ARCHITECTURE.md, Envelope):
// Dv = 0.1 V, Da = 0.1 A (+ = charging), Dc = 0.1 °C, Mv = 1 mV, Pct = 1 %.
// Every formatter takes `null`/`undefined` for a value the BMS did not report and shows a dash,
// so a page never prints "NaN V" for an absent column.

/** Shown for a value the BMS did not report. */
export const MISSING = '—';

type Maybe = number | null | undefined;

function isPresent(value: Maybe): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Integer tenths → "x.y" without floating-point noise (2469 → "246.9", -5 → "-0.5"). */
function tenths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(value));
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** `formatVoltageDv(2469)` → `"246.9 V"`. */
export function formatVoltageDv(dv: Maybe): string {
  return isPresent(dv) ? `${tenths(dv)} V` : MISSING;
}

/** `formatCurrentDa(-120)` → `"-12.0 A"`, `formatCurrentDa(55)` → `"+5.5 A"`; zero has no sign. */
export function formatCurrentDa(da: Maybe): string {
  if (!isPresent(da)) {
    return MISSING;
  }
  return `${da > 0 ? '+' : ''}${tenths(da)} A`;
}

export type CurrentDirection = 'charging' | 'discharging' | 'idle';

/** Direction of a pack current; positive is charging (protocol reference §1.3). */
export function currentDirection(da: number): CurrentDirection {
  if (da > 0) {
    return 'charging';
  }
  return da < 0 ? 'discharging' : 'idle';
}

/** `formatTempDc(181)` → `"18.1 °C"`. */
export function formatTempDc(dc: Maybe): string {
  return isPresent(dc) ? `${tenths(dc)} °C` : MISSING;
}

/** `formatPct(46)` → `"46 %"`. */
export function formatPct(pct: Maybe): string {
  return isPresent(pct) ? `${Math.round(pct)} %` : MISSING;
}

/** `formatMv(3312)` → `"3312 mV"`. */
export function formatMv(mv: Maybe): string {
  return isPresent(mv) ? `${Math.round(mv)} mV` : MISSING;
}

/** Spread between two cell voltages, e.g. max 3350 / min 3310 → `"40 mV"`; dash when either is absent. */
export function formatSpreadMv(maxMv: Maybe, minMv: Maybe): string {
  return isPresent(maxMv) && isPresent(minMv) ? formatMv(maxMv - minMv) : MISSING;
}
