// 0x92 "get charge/discharge management info" response INFO (protocol reference §3.6, 0x92):
// no INFOFLAG; command value, charge / discharge voltage limits (u16 mV), charge / discharge
// current limits (s16 0.1 A; the discharge limit is negative in real frames), status byte.
import type { DecodeResult } from '../bytes/decode-result.js';
import { decodeBitFlags } from '../hv-can/status-flags.table.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';
import { CHARGE_MANAGEMENT_BITS, type ChargeManagementFlags } from './rs485-bit-tables.js';

export interface ChargeManagement92 {
  commandValue: number;
  chargeVoltageLimitMv: number;
  dischargeVoltageLimitMv: number;
  chargeCurrentLimitDa: number;
  dischargeCurrentLimitDa: number;
  statusByte: number;
  status: ChargeManagementFlags;
}

export type ChargeManagement92Input = Omit<ChargeManagement92, 'status'>;

export function decodeChargeManagement92(info: Uint8Array): DecodeResult<ChargeManagement92> {
  const r = new InfoReader(info);
  const commandValue = r.u8();
  const chargeVoltageLimitMv = r.u16();
  const dischargeVoltageLimitMv = r.u16();
  const chargeCurrentLimitDa = r.s16();
  const dischargeCurrentLimitDa = r.s16();
  const statusByte = r.u8();
  return finishInfo(r, '0x92', {
    commandValue,
    chargeVoltageLimitMv,
    dischargeVoltageLimitMv,
    chargeCurrentLimitDa,
    dischargeCurrentLimitDa,
    statusByte,
    status: decodeBitFlags(CHARGE_MANAGEMENT_BITS, statusByte),
  });
}

export function encodeChargeManagement92(v: ChargeManagement92Input): Uint8Array {
  return new InfoWriter()
    .u8(v.commandValue, 'commandValue')
    .u16(v.chargeVoltageLimitMv, 'chargeVoltageLimitMv')
    .u16(v.dischargeVoltageLimitMv, 'dischargeVoltageLimitMv')
    .s16(v.chargeCurrentLimitDa, 'chargeCurrentLimitDa')
    .s16(v.dischargeCurrentLimitDa, 'dischargeCurrentLimitDa')
    .u8(v.statusByte, 'statusByte')
    .toBytes();
}
