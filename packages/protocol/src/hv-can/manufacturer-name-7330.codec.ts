// 0x7330 / 0x7340 (+address) — manufacturer name, 8 + 8 ASCII bytes, zero-padded
// (e.g. "PYLONTEC" + "H"). Protocol reference §1.4.12. One codec serves both halves.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';

export interface ManufacturerName7330 {
  /** Text up to the first NUL; bytes outside printable ASCII become U+FFFD. */
  text: string;
}

export function decodeManufacturerName7330(data: Uint8Array): DecodeResult<ManufacturerName7330> {
  return withLength(data, 8, '0x7330/0x7340', (d) => {
    let text = '';
    for (const byte of d) {
      if (byte === 0) {
        break;
      }
      text += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '\uFFFD';
    }
    return { text };
  });
}

export function encodeManufacturerName7330(value: ManufacturerName7330): Uint8Array {
  if (!/^[\x20-\x7e]{0,8}$/.test(value.text)) {
    throw new RangeError(
      `manufacturer name part "${value.text}" must be at most 8 printable ASCII characters`,
    );
  }
  const data = new Uint8Array(8);
  for (let i = 0; i < value.text.length; i += 1) {
    data[i] = value.text.charCodeAt(i);
  }
  return data;
}

/** Splits a name over the 0x7330 / 0x7340 pair. */
export function splitManufacturerName(name: string): [ManufacturerName7330, ManufacturerName7330] {
  return [{ text: name.slice(0, 8) }, { text: name.slice(8, 16) }];
}
