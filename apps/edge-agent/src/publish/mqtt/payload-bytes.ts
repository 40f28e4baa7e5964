import type { mqtt5 } from 'aws-iot-device-sdk-v2';

/** An incoming PUBLISH payload as bytes (the SDK hands over an ArrayBuffer; the type allows more). */
export function payloadBytes(payload: mqtt5.Payload | undefined): Uint8Array {
  if (payload === undefined) {
    return new Uint8Array();
  }
  if (typeof payload === 'string') {
    return new TextEncoder().encode(payload);
  }
  if (payload instanceof ArrayBuffer) {
    return new Uint8Array(payload);
  }
  if (ArrayBuffer.isView(payload)) {
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  return new TextEncoder().encode(JSON.stringify(payload));
}
