// What the simulated BMS reports. Field names are the PackSample names of @fleet/telemetry
// (the simulator may not import it, see ARCHITECTURE.md layering), so `/state` and the
// samples the API serves can be compared field by field.

export type PackReadingState = 'sleep' | 'charge' | 'discharge' | 'idle';

export interface PackReadings {
  // 0x4210
  packVoltageDv: number;
  packCurrentDa: number;
  bmsTempDc: number;
  socPct: number;
  sohPct: number;
  // 0x4220
  chargeCutoffDv: number;
  dischargeCutoffDv: number;
  chargeLimitDa: number;
  dischargeLimitDa: number;
  dischargeLimitRaw: number;
  // 0x4230
  cellMaxMv: number;
  cellMinMv: number;
  cellMaxNo: number;
  cellMinNo: number;
  // 0x4240
  cellTempMaxDc: number;
  cellTempMinDc: number;
  cellTempMaxNo: number;
  cellTempMinNo: number;
  // 0x4250
  state: PackReadingState;
  statusByte: number;
  cyclePeriodRaw: number;
  errorBits: number;
  alarmBits: number;
  protectionBits: number;
  // 0x4280
  chargeForbidden: boolean;
  dischargeForbidden: boolean;
}

/** 0x4260 / 0x4270 content: not part of PackSample, sent on the wire all the same. */
export interface ModuleExtremes {
  moduleVoltageMaxMv: number;
  moduleVoltageMinMv: number;
  moduleVoltageMaxNo: number;
  moduleVoltageMinNo: number;
  moduleTempMaxDc: number;
  moduleTempMinDc: number;
  moduleTempMaxNo: number;
  moduleTempMinNo: number;
}

export interface StringReadings {
  pack: PackReadings;
  modules: ModuleExtremes;
  /** [module][cell] */
  cellsMv: number[][];
  /** 0x4290 byte 0; bit meanings unresolved, the simulator never raises a fault. */
  faultExtensionRaw: number;
}
