// The two checksums of the Pylontech RS485 ASCII protocol V3.3 (protocol reference §3.2, §3.3).

/** Largest LENID: the low 12 bits of LENGTH count the ASCII characters of INFO. */
export const MAX_LENID = 0xfff;

/**
 * LCHKSUM of a LENID: sum of its three nibbles mod 16, inverted, plus one, kept to 4 bits.
 * The final `& 0xf` matters: without it a nibble sum that is a multiple of 16 gives 16 and a
 * five-digit LENGTH (the pitfall of one public client, §3.2). LENID 0 gives 0.
 */
export function lengthChecksum(lenid: number): number {
  const sum = (lenid & 0xf) + ((lenid >> 4) & 0xf) + ((lenid >> 8) & 0xf);
  return (~(sum % 16) + 1) & 0xf;
}

/** The 16-bit LENGTH word: LCHKSUM in the top nibble, LENID below. */
export function lengthWord(lenid: number): number {
  return (lengthChecksum(lenid) << 12) | lenid;
}

/**
 * CHKSUM over the ASCII characters between `~` and the checksum (VER … end of INFO):
 * the two's complement of their sum mod 65536.
 */
export function frameChecksum(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    sum += body.charCodeAt(i);
  }
  return (~(sum & 0xffff) + 1) & 0xffff;
}
