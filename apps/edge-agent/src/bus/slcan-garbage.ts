// Sorts what the SLCAN parser refused into a few kinds, so garbage on the wire is counted by
// what it was (random bytes, a wrong length digit, a line cut short, …) rather than as one
// number. The parser reports plain reasons; the patterns below follow its wording
// (packages/protocol/src/slcan/decode-slcan-line.ts) and fall back to `other`.
export const SLCAN_GARBAGE_KINDS = [
  'non-printable',
  'bad-dlc',
  'truncated',
  'length-mismatch',
  'bad-id',
  'bad-data',
  'overlong',
  'unterminated',
  'unsupported',
  'unknown-line',
  'other',
] as const;

export type SlcanGarbageKind = (typeof SLCAN_GARBAGE_KINDS)[number];

const REASON_KINDS: readonly (readonly [RegExp, SlcanGarbageKind])[] = [
  [/non-printable/, 'non-printable'],
  [/length digit/, 'bad-dlc'],
  [/frame id/, 'bad-id'],
  [/not hex/, 'bad-data'],
  [/^line longer/, 'overlong'],
  [/^unterminated/, 'unterminated'],
  [/not supported/, 'unsupported'],
  [/^unknown SLCAN line/, 'unknown-line'],
];

const DECLARED = /declares (\d+) data bytes but carries (\d+) hex digits/;

export function classifySlcanGarbage(reason: string): SlcanGarbageKind {
  const declared = DECLARED.exec(reason);
  if (declared) {
    // Fewer digits than the length digit promises: the line was cut (e.g. a lost byte run).
    return Number(declared[2]) < Number(declared[1]) * 2 ? 'truncated' : 'length-mismatch';
  }
  return REASON_KINDS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}

export function emptyGarbageCounts(): Record<SlcanGarbageKind, number> {
  return Object.fromEntries(SLCAN_GARBAGE_KINDS.map((k) => [k, 0])) as Record<SlcanGarbageKind, number>;
}
