import { hexToBytes } from '../bytes/hex.js';
import { MAX_EXTENDED_CAN_ID, MAX_STANDARD_CAN_ID } from '../can/can-frame.js';
import { SLCAN_BITRATES } from './slcan-command.js';
import type { SlcanParseResult } from './slcan-parse-result.js';

const PRINTABLE = /^[\x20-\x7e]*$/;
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** A short, escaped copy of an offending line for logs and counters. */
export function previewLine(line: string): string {
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return JSON.stringify(shown).slice(1, -1);
}

function corrupt(reason: string, line: string): SlcanParseResult {
  return { kind: 'corrupt', reason, line: previewLine(line) };
}

function decodeFrame(line: string): SlcanParseResult {
  const extended = line[0] === 'T';
  const idLength = extended ? 8 : 3;
  const idHex = line.slice(1, 1 + idLength);
  const dlcChar = line[1 + idLength] ?? '';
  if (idHex.length !== idLength || !HEX_DIGITS.test(idHex)) {
    return corrupt(`frame id must be ${idLength} hex digits`, line);
  }
  const id = Number.parseInt(idHex, 16);
  if (id > (extended ? MAX_EXTENDED_CAN_ID : MAX_STANDARD_CAN_ID)) {
    return corrupt(`frame id 0x${idHex} is out of range`, line);
  }
  if (!/^[0-8]$/.test(dlcChar)) {
    return corrupt(`frame length digit "${dlcChar}" is not 0..8`, line);
  }
  const dlc = Number(dlcChar);
  const rest = line.slice(2 + idLength);
  // Adapters with timestamps enabled append 4 hex digits (milliseconds, 0..0xEA5F).
  if (rest.length !== dlc * 2 && rest.length !== dlc * 2 + 4) {
    return corrupt(`frame declares ${dlc} data bytes but carries ${rest.length} hex digits`, line);
  }
  const data = hexToBytes(rest.slice(0, dlc * 2));
  const stamp = rest.slice(dlc * 2);
  if (data === undefined || (stamp !== '' && !HEX_DIGITS.test(stamp))) {
    return corrupt('frame data is not hex', line);
  }
  const frame = { id, extended, data };
  return stamp === ''
    ? { kind: 'frame', frame }
    : { kind: 'frame', frame, timestamp: Number.parseInt(stamp, 16) };
}

function decodeShortLine(line: string): SlcanParseResult {
  switch (line) {
    case 'O':
      return { kind: 'command', command: { kind: 'open' } };
    case 'C':
      return { kind: 'command', command: { kind: 'close' } };
    case 'V':
      return { kind: 'command', command: { kind: 'version' } };
    case 'z':
    case 'Z':
      return { kind: 'ack', of: 'transmit' };
  }
  if (/^S[0-8]$/.test(line)) {
    const code = Number(line[1]);
    return { kind: 'command', command: { kind: 'bitrate', code, bitsPerSecond: SLCAN_BITRATES[code] ?? 0 } };
  }
  if (/^V[0-9a-fA-F]{4}$/.test(line)) {
    return { kind: 'ack', of: 'version', version: line.slice(1) };
  }
  return corrupt('unknown SLCAN line', line);
}

/** Decodes one SLCAN line without its terminator. Never throws. */
export function decodeSlcanLine(line: string): SlcanParseResult {
  if (line === '') {
    return { kind: 'ack', of: 'command' };
  }
  if (!PRINTABLE.test(line)) {
    return corrupt('line contains non-printable bytes', line);
  }
  const head = line[0];
  if (head === 't' || head === 'T') {
    return decodeFrame(line);
  }
  if (head === 'r' || head === 'R') {
    return corrupt('remote (RTR) frames are not supported', line);
  }
  return decodeShortLine(line);
}
