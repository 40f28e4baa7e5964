// Messages whose content is unknown or not worth a field yet travel as their bytes in hex, so
// nothing a battery sent is lost and a later codec can re-decode stored telemetry.
import { corrupt, type DecodeResult, ok } from '../bytes/decode-result.js';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { MAX_CAN_DATA_LENGTH } from '../can/can-frame.js';

export interface RawPayload {
  /** Upper-case hex of the data bytes, 0..8 bytes. */
  dataHex: string;
}

export function decodeRawPayload(data: Uint8Array, what: string): DecodeResult<RawPayload> {
  if (data.length > MAX_CAN_DATA_LENGTH) {
    return corrupt(`${what}: expected at most ${MAX_CAN_DATA_LENGTH} data bytes, got ${data.length}`);
  }
  return ok({ dataHex: bytesToHex(data) });
}

export function encodeRawPayload(value: RawPayload, what: string): Uint8Array {
  const data = hexToBytes(value.dataHex);
  if (data === undefined || data.length > MAX_CAN_DATA_LENGTH) {
    throw new RangeError(`${what}: dataHex "${value.dataHex}" is not 0..8 bytes of hex`);
  }
  return data;
}
