// 0x35E — manufacturer name, 8 ASCII bytes (protocol reference §2.2): "PYLON" + three spaces.
// Inverters key on this text, so spaces are kept; trailing NULs (padding) are dropped and
// written back by the encoder.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { type CanMessageDefinition, signal } from '../dbc/can-signal.js';

export interface Manufacturer35E {
  /** Up to the trailing NUL padding; bytes outside printable ASCII become U+FFFD. */
  text: string;
}

const SECTION = '§2.2 0x35E';

export const MANUFACTURER_35E: CanMessageDefinition = {
  name: 'LV_35E_Manufacturer',
  id: 0x35e,
  extended: false,
  dlc: 8,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment:
    'Manufacturer name, 8 ASCII characters ("PYLON   "). DBC has no text type: one signal per character.',
  signals: Array.from({ length: 8 }, (_, i) =>
    signal({ name: `Char${i}`, startByte: i, bits: 8, section: SECTION, confidence: 'confirmed' }),
  ),
};

export function decodeManufacturer35E(data: Uint8Array): DecodeResult<Manufacturer35E> {
  return withLength(data, 8, '0x35E', (d) => {
    let end = d.length;
    while (end > 0 && d[end - 1] === 0) {
      end -= 1;
    }
    let text = '';
    for (const byte of d.subarray(0, end)) {
      text += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '\uFFFD';
    }
    return { text };
  });
}

export function encodeManufacturer35E(value: Manufacturer35E): Uint8Array {
  if (!/^[\x20-\x7e]{0,8}$/.test(value.text)) {
    throw new RangeError(`0x35E text "${value.text}" must be at most 8 printable ASCII characters`);
  }
  const data = new Uint8Array(8);
  for (let i = 0; i < value.text.length; i += 1) {
    data[i] = value.text.charCodeAt(i);
  }
  return data;
}
