// A realistic 0x4210…0x4290 burst for one address, built with the protocol encoders.
import {
  type CanFrame,
  encodeHvCanFrame,
  forbiddenMarks4280,
  type HvCanMessage,
  limits4220,
  status4250,
  statusByteOf,
} from '@fleet/protocol';

export const PACK = {
  packVoltageDv: 3968,
  packCurrentDa: -123,
  bmsTempDc: 251,
  socPct: 57,
  sohPct: 99,
  chargeCutoffDv: 4260,
  dischargeCutoffDv: 3360,
  chargeLimitDa: 250,
  dischargeLimitDa: 500,
  dischargeLimitRaw: 29500,
  cellMaxMv: 3312,
  cellMinMv: 3301,
  cellMaxNo: 17,
  cellMinNo: 88,
  cellTempMaxDc: 262,
  cellTempMinDc: 231,
  cellTempMaxNo: 4,
  cellTempMinNo: 60,
  state: 'discharge' as const,
  statusByte: 2,
  cyclePeriodRaw: 12,
  errorBits: 0,
  alarmBits: 0,
  protectionBits: 0,
  chargeForbidden: false,
  dischargeForbidden: false,
};

export function ensembleMessages(pack = PACK): HvCanMessage[] {
  return [
    { type: '4210', ...pack },
    { type: '4220', ...limits4220(pack) },
    { type: '4230', ...pack },
    { type: '4240', ...pack },
    { type: '4250', ...status4250({ ...pack, statusByte: statusByteOf(pack.state) }) },
    {
      type: '4260',
      moduleVoltageMaxMv: 49_700,
      moduleVoltageMinMv: 49_520,
      moduleVoltageMaxNo: 1,
      moduleVoltageMinNo: 6,
    },
    { type: '4270', moduleTempMaxDc: 255, moduleTempMinDc: 240, moduleTempMaxNo: 3, moduleTempMinNo: 0 },
    { type: '4280', ...forbiddenMarks4280(pack) },
    { type: '4290', faultExtensionRaw: 0 },
  ];
}

export function ensembleBurst(address: number, pack = PACK): CanFrame[] {
  return ensembleMessages(pack).map((m) => encodeHvCanFrame(m, address));
}
