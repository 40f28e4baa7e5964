// A second, independently written check of the two RS485 checksums (protocol reference §3.2,
// §3.3), deliberately formulated differently from src/rs485/rs485-checksum.ts: it works on the
// raw bytes of the frame and checks that checksum + sum vanishes modulo the field width,
// instead of computing the complement and comparing. Used only by tests.

/** True when the frame text (`~` … optional `\r`) has a consistent LENGTH and CHKSUM. */
export function independentlyValid(frame: string): boolean {
  const bytes = Buffer.from(frame.replace(/\r$/, ''), 'latin1');
  if (bytes[0] !== 0x7e || bytes.length < 17) {
    return false;
  }
  const digits = [...bytes.subarray(9, 13)].map((b) => Number.parseInt(String.fromCharCode(b), 16));
  if (digits.some(Number.isNaN)) {
    return false;
  }
  // LENGTH = LCHKSUM digit followed by the three LENID digits; all four must sum to 0 mod 16.
  const lengthOk = digits.reduce((a, b) => a + b, 0) % 16 === 0;
  const lenid = digits[1]! * 256 + digits[2]! * 16 + digits[3]!;
  if (bytes.length !== 1 + 12 + lenid + 4) {
    return false;
  }
  const covered = bytes.subarray(1, 13 + lenid);
  const checksum = Number.parseInt(bytes.subarray(13 + lenid).toString('latin1'), 16);
  const sum = covered.reduce((a, b) => a + b, 0);
  return lengthOk && (sum + checksum) % 0x10000 === 0;
}
