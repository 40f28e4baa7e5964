// The Pylontech HV device map as data: which decoded message fills which PackSample fields.
// Codec field names equal PackSample names by design, so a row is just the list of fields
// copied. Protocol reference §1.4 for the messages; packages/telemetry pack-sample.ts for the
// fields.
import type { HvCanMessageType, HvCanValues } from '@fleet/protocol';
import type { PackSample } from '@fleet/telemetry';

type FieldsOf<K extends HvCanMessageType> = readonly (keyof HvCanValues[K] & keyof PackSample)[];

export const PACK_SAMPLE_FIELDS: { [K in HvCanMessageType]?: FieldsOf<K> } = {
  '4210': ['packVoltageDv', 'packCurrentDa', 'bmsTempDc', 'socPct', 'sohPct'],
  '4220': ['chargeCutoffDv', 'dischargeCutoffDv', 'chargeLimitDa', 'dischargeLimitDa', 'dischargeLimitRaw'],
  '4230': ['cellMaxMv', 'cellMinMv', 'cellMaxNo', 'cellMinNo'],
  '4240': ['cellTempMaxDc', 'cellTempMinDc', 'cellTempMaxNo', 'cellTempMinNo'],
  '4260': ['moduleVoltageMaxMv', 'moduleVoltageMinMv', 'moduleVoltageMaxNo', 'moduleVoltageMinNo'],
  '4270': ['moduleTempMaxDc', 'moduleTempMinDc', 'moduleTempMaxNo', 'moduleTempMinNo'],
  '4250': ['state', 'statusByte', 'cyclePeriodRaw', 'errorBits', 'alarmBits', 'protectionBits'],
  '4280': ['chargeForbidden', 'dischargeForbidden'],
};

/**
 * Messages of the burst that PackSample has no fields for yet (the fault extension byte whose
 * bit order is unresolved). They travel in `raw` as hex so nothing the BMS said is lost until
 * the contract grows fields for them. (Module extremes 0x4260/0x4270 have fields since
 * bms.tlm/1 minor 1.)
 */
export const RAW_KEPT_TYPES: readonly HvCanMessageType[] = ['4290'];

/** Without 0x4210 there is no pack voltage, current or SOC: no sample. */
export const REQUIRED_TYPE: HvCanMessageType = '4210';
