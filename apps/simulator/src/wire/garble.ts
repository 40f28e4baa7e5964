// The garbled-frames fault: corrupts a fraction of what an interface writes, the way a noisy
// serial line or a failing transceiver would. Only the payload of a line is touched (the
// terminator stays), so the receiver sees a bad line and resynchronises on the next one.

export type Random = () => number;

/** Characters no SLCAN, RS485 ASCII or console line is made of. */
const NOISE = ['\u00ff', '\u00fe', '#', '?', '\u0000'];

/** Corrupts each `\r`- or `\n`-terminated line with probability `fraction`. */
export function garbleLines(text: string, fraction: number, random: Random): string {
  if (fraction <= 0) {
    return text;
  }
  return text.replace(/[^\r\n]+/g, (line) => {
    if (random() >= fraction) {
      return line;
    }
    const at = 1 + Math.floor(random() * Math.max(1, line.length - 1));
    const noise = NOISE[Math.floor(random() * NOISE.length)] ?? '#';
    return `${line.slice(0, at)}${noise}${line.slice(at + 1)}`;
  });
}
