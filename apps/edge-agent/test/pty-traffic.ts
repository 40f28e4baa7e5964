// Reads socat's `-x` hex dump: every chunk socat forwarded, as a header line
// `> 2026/11/25 15:11:22.000639383  length=12 from=0 to=11` (`>` = first address → second,
// `<` = second → first) followed by lines of hex bytes. Returns the bytes of each direction.
export interface PtyTraffic {
  /** Bytes written into the first address (left → right). */
  leftToRight: string;
  /** Bytes written into the second address (right → left). */
  rightToLeft: string;
}

const HEADER = /^([<>]) \d{4}\/\d\d\/\d\d /;
const HEX_LINE = /^ (?:[0-9a-f]{2} ?)+$/;

export function parseSocatHexDump(dump: string): PtyTraffic {
  const traffic: PtyTraffic = { leftToRight: '', rightToLeft: '' };
  let direction: keyof PtyTraffic | undefined;
  for (const line of dump.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      direction = header[1] === '>' ? 'leftToRight' : 'rightToLeft';
    } else if (direction !== undefined && HEX_LINE.test(line)) {
      const bytes = line.trim().split(/\s+/);
      traffic[direction] += String.fromCharCode(...bytes.map((b) => Number.parseInt(b, 16)));
    } else if (line.trim() !== '') {
      direction = undefined;
    }
  }
  return traffic;
}
