// Unit conversions of RS485 INFO fields (protocol reference §3.6). Integer project units:
// temperatures travel in 0.1 K and are kept as deci-°C by subtracting 2731, which is exact.

/** 0 °C in 0.1 K, as the vendor rounds it (25.5 °C ↔ 2986). */
export const KELVIN_OFFSET_DK = 2731;

export function tempDcFromDk(raw: number): number {
  return raw - KELVIN_OFFSET_DK;
}

export function tempDcToDk(tempDc: number): number {
  return tempDc + KELVIN_OFFSET_DK;
}
