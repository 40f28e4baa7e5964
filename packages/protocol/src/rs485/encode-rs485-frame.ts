// Frame builder (protocol reference §3.1-§3.3). Refuses what cannot be framed, naming the
// field, because a wrapped value would put a wrong frame on the line.
import { bytesToHex } from '../bytes/hex.js';
import { frameChecksum, lengthWord, MAX_LENID } from './rs485-checksum.js';
import { RS485_EOI, RS485_SOI, type Rs485Frame } from './rs485-frame.js';

function hexByte(value: number, field: string): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new RangeError(`${field} = ${value} does not fit in one byte`);
  }
  return value.toString(16).toUpperCase().padStart(2, '0');
}

function hexWord(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** The frame as sent on the line, `~` … `\r` included. */
export function encodeRs485Frame(frame: Rs485Frame): string {
  const lenid = frame.info.length * 2;
  if (lenid > MAX_LENID) {
    throw new RangeError(`INFO of ${frame.info.length} bytes exceeds LENID ${MAX_LENID}`);
  }
  const body =
    hexByte(frame.ver, 'ver') +
    hexByte(frame.adr, 'adr') +
    hexByte(frame.cid1, 'cid1') +
    hexByte(frame.cid2, 'cid2') +
    hexWord(lengthWord(lenid)) +
    bytesToHex(frame.info);
  return `${RS485_SOI}${body}${hexWord(frameChecksum(body))}${RS485_EOI}`;
}
