// 0x47 "get system parameters" response INFO (protocol reference §3.6, 0x47): INFOFLAG and
// twelve 2-byte limits. Voltages mV, temperatures 0.1 K (kept as deci-°C), currents s16 0.1 A.
import type { DecodeResult } from '../bytes/decode-result.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';
import { tempDcFromDk, tempDcToDk } from './rs485-scaling.js';

export interface SystemParameters47 {
  infoFlag: number;
  cellHighVoltageMv: number;
  cellLowVoltageMv: number;
  /** Signed per the PDF. */
  cellUnderVoltageMv: number;
  chargeHighTempDc: number;
  chargeLowTempDc: number;
  chargeCurrentLimitDa: number;
  moduleHighVoltageMv: number;
  moduleLowVoltageMv: number;
  moduleUnderVoltageMv: number;
  dischargeHighTempDc: number;
  dischargeLowTempDc: number;
  /** Negative in real frames (discharge direction). */
  dischargeCurrentLimitDa: number;
}

export function decodeSystemParameters47(info: Uint8Array): DecodeResult<SystemParameters47> {
  const r = new InfoReader(info);
  return finishInfo(r, '0x47', {
    infoFlag: r.u8(),
    cellHighVoltageMv: r.u16(),
    cellLowVoltageMv: r.u16(),
    cellUnderVoltageMv: r.s16(),
    chargeHighTempDc: tempDcFromDk(r.u16()),
    chargeLowTempDc: tempDcFromDk(r.u16()),
    chargeCurrentLimitDa: r.s16(),
    moduleHighVoltageMv: r.u16(),
    moduleLowVoltageMv: r.u16(),
    moduleUnderVoltageMv: r.u16(),
    dischargeHighTempDc: tempDcFromDk(r.u16()),
    dischargeLowTempDc: tempDcFromDk(r.u16()),
    dischargeCurrentLimitDa: r.s16(),
  });
}

export function encodeSystemParameters47(v: SystemParameters47): Uint8Array {
  return new InfoWriter()
    .u8(v.infoFlag, 'infoFlag')
    .u16(v.cellHighVoltageMv, 'cellHighVoltageMv')
    .u16(v.cellLowVoltageMv, 'cellLowVoltageMv')
    .s16(v.cellUnderVoltageMv, 'cellUnderVoltageMv')
    .u16(tempDcToDk(v.chargeHighTempDc), 'chargeHighTempDc')
    .u16(tempDcToDk(v.chargeLowTempDc), 'chargeLowTempDc')
    .s16(v.chargeCurrentLimitDa, 'chargeCurrentLimitDa')
    .u16(v.moduleHighVoltageMv, 'moduleHighVoltageMv')
    .u16(v.moduleLowVoltageMv, 'moduleLowVoltageMv')
    .u16(v.moduleUnderVoltageMv, 'moduleUnderVoltageMv')
    .u16(tempDcToDk(v.dischargeHighTempDc), 'dischargeHighTempDc')
    .u16(tempDcToDk(v.dischargeLowTempDc), 'dischargeLowTempDc')
    .s16(v.dischargeCurrentLimitDa, 'dischargeCurrentLimitDa')
    .toBytes();
}
