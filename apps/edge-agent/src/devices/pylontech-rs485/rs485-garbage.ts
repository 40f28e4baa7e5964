// What the RS485 client could not use, by kind: the stream parser's reasons (protocol package,
// decode-rs485-frame.ts) plus `unsolicited` (a well-formed frame nobody asked for, or for
// another ADR) and `undecodable` (a well-formed reply whose INFO does not decode).
import type { Rs485CorruptReason } from '@fleet/protocol';

export const RS485_GARBAGE_KINDS = [
  'garbage',
  'not-hex',
  'bad-checksum',
  'bad-length-checksum',
  'truncated',
  'bad-length',
  'missing-soi',
  'too-long',
  'unsolicited',
  'undecodable',
] as const satisfies readonly (Rs485CorruptReason | 'unsolicited' | 'undecodable')[];

export type Rs485GarbageKind = (typeof RS485_GARBAGE_KINDS)[number];

export function emptyRs485GarbageCounts(): Record<Rs485GarbageKind, number> {
  return Object.fromEntries(RS485_GARBAGE_KINDS.map((k) => [k, 0])) as Record<Rs485GarbageKind, number>;
}
