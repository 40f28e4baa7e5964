// Scaling conventions of the Pylontech HV CAN protocol (protocol reference §1.3).
// Values stay integers in the unit named by the field: Da = 0.1 A, Dc = 0.1 °C.

/** Currents: u16, 0.1 A, offset −3000 A, i.e. raw = 30000 + I[0.1 A]; positive = charging. */
export const CURRENT_OFFSET_DA = 30_000;
/** Temperatures: u16, 0.1 °C, offset −100 °C, i.e. raw = 1000 + T[0.1 °C]. */
export const TEMPERATURE_OFFSET_DC = 1_000;

export function currentDaFromRaw(raw: number): number {
  return raw - CURRENT_OFFSET_DA;
}

export function currentDaToRaw(currentDa: number): number {
  return currentDa + CURRENT_OFFSET_DA;
}

export function temperatureDcFromRaw(raw: number): number {
  return raw - TEMPERATURE_OFFSET_DC;
}

export function temperatureDcToRaw(temperatureDc: number): number {
  return temperatureDc + TEMPERATURE_OFFSET_DC;
}
