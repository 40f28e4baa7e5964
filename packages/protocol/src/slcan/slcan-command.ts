// Lawicel / SLCAN adapter commands (host → adapter). Only what the agent needs today;
// the table form makes adding e.g. `Z` (timestamps) or `F` (status flags) a one-line change.

/** `S0`..`S8`: the standard CAN bit rates of the Lawicel protocol (S6 = 500 kbit/s, Pylontech HV). */
export const SLCAN_BITRATES = [
  10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000,
] as const;

export type SlcanCommand =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'bitrate'; code: number; bitsPerSecond: number }
  | { kind: 'version' };

/** The `Sn` command for a bit rate, or undefined when Lawicel has no code for it. */
export function slcanBitrateCommand(bitsPerSecond: number): SlcanCommand | undefined {
  const code = SLCAN_BITRATES.indexOf(bitsPerSecond as (typeof SLCAN_BITRATES)[number]);
  return code < 0 ? undefined : { kind: 'bitrate', code, bitsPerSecond };
}

/** Reply bytes of the adapter: `\r` = command accepted, BEL = refused. */
export const SLCAN_OK = '\r';
export const SLCAN_ERROR = '\x07';
