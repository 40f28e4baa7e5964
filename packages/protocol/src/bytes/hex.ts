/** Upper-case hex without separators, the form used by SLCAN and by telemetry `raw` maps. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += byte.toString(16).padStart(2, '0');
  }
  return out.toUpperCase();
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes of an even-length hex string (either case), or undefined when it is not one. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (!HEX.test(hex)) {
    return undefined;
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) {
    out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}
