// 0x8200 (+address) — PCS → BMS sleep / wake command, no reply. Protocol reference §1.2 (✔✔):
// byte0 0x55 = enter sleep, 0xAA = quit sleep, anything else = no action. The DLC of the
// commands is not stated by any source; 8 is assumed like every other HV frame (§1.1).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export const ENTER_SLEEP = 0x55;
export const QUIT_SLEEP = 0xaa;

export type SleepCommand = 'enterSleep' | 'quitSleep' | 'noAction';

export interface Sleep8200 {
  command: SleepCommand;
  /** byte0 as received; the encoder writes this. */
  commandRaw: number;
}

export function sleep8200(command: Exclude<SleepCommand, 'noAction'>): Sleep8200 {
  return { command, commandRaw: command === 'enterSleep' ? ENTER_SLEEP : QUIT_SLEEP };
}

function commandOf(raw: number): SleepCommand {
  if (raw === ENTER_SLEEP) {
    return 'enterSleep';
  }
  return raw === QUIT_SLEEP ? 'quitSleep' : 'noAction';
}

export function decodeSleep8200(data: Uint8Array): DecodeResult<Sleep8200> {
  return withLength(data, 8, '0x8200', (d) => ({
    command: commandOf(readU8(d, 0)),
    commandRaw: readU8(d, 0),
  }));
}

export function encodeSleep8200(value: Sleep8200): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.commandRaw, 'commandRaw');
  return data;
}
