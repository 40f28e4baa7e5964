// HV CAN signal definitions as data (protocol reference §1.3-§1.4 and §1.2 for the commands):
// the DBC generator renders them, and a property test checks every signal with a `field`
// against the hand-written codec of its message, so the DBC and the decoder cannot drift.
// Ids are those of BMS address 0; address n is base + n.
import { type CanMessageDefinition, type CanSignal, flagSignal, signal } from '../dbc/can-signal.js';
import type { HvCanMessageType } from './hv-can-message.js';
import { ALARM_PROTECTION_BITS, ERROR_BITS, PACK_STATES } from './status-flags.table.js';

const u8 = (name: string, field: string | undefined, startByte: number, section: string, extra = {}) =>
  signal({
    name,
    ...(field ? { field } : {}),
    startByte,
    bits: 8,
    section,
    confidence: 'confirmed',
    ...extra,
  });
const u16 = (name: string, field: string | undefined, startByte: number, section: string, extra = {}) =>
  signal({
    name,
    ...(field ? { field } : {}),
    startByte,
    bits: 16,
    section,
    confidence: 'confirmed',
    ...extra,
  });
/** 0.1 V, no offset. */
const volts = { scale: 0.1, unit: 'V' };
/** 0.1 A, offset −3000 A: raw = 30000 + 10·I (§1.3). */
const amps = { scale: 0.1, offset: -3000, unit: 'A' };
/** 0.1 °C, offset −100 °C: raw = 1000 + 10·T (§1.3). */
const celsius = { scale: 0.1, offset: -100, unit: '°C' };
const millivolts = { scale: 0.001, unit: 'V' };

const capital = (name: string) => name[0]!.toUpperCase() + name.slice(1);

function text(section: string): CanSignal[] {
  return Array.from({ length: 8 }, (_, i) => u8(`Char${i}`, undefined, i, section));
}

function statusSignals(): CanSignal[] {
  const section = '§1.4.5';
  const flags = (
    group: string,
    prefix: string,
    firstBit: number,
    table: readonly { bit: number; name: string }[],
  ) =>
    table.map(({ bit, name }) =>
      flagSignal({
        name: `${prefix}${capital(name)}`,
        field: `${group}.${name}`,
        bit: firstBit + bit,
        section,
        confidence: bit === 7 && group === 'errors' ? 'provisional' : 'confirmed',
      }),
    );
  return [
    u8('StatusByte', 'statusByte', 0, section),
    signal({
      name: 'State',
      startByte: 0,
      bits: 3,
      section,
      confidence: 'confirmed',
      values: Object.fromEntries(PACK_STATES.map((state, i) => [i, state])),
      comment: 'table A bits 0-2; 4-7 reserved',
    }),
    flagSignal({
      name: 'ForceChargeRequest',
      field: 'forceChargeRequest',
      bit: 3,
      section,
      confidence: 'confirmed',
    }),
    flagSignal({
      name: 'BalanceChargeRequest',
      field: 'balanceChargeRequest',
      bit: 4,
      section,
      confidence: 'confirmed',
    }),
    u16('CyclePeriodRaw', 'cyclePeriodRaw', 1, section, {
      confidence: 'conflicting',
      comment: 'u16 at bytes 1-2 (3 sources) vs u8 at byte 1 (1 source); meaning unknown',
    }),
    u8('ErrorBits', 'errorBits', 3, section),
    ...flags('errors', 'Error', 24, ERROR_BITS),
    u16('AlarmBits', 'alarmBits', 4, section),
    ...flags('alarms', 'Alarm', 32, ALARM_PROTECTION_BITS),
    u16('ProtectionBits', 'protectionBits', 6, section),
    ...flags('protections', 'Protection', 48, ALARM_PROTECTION_BITS),
  ];
}

function message(
  type: HvCanMessageType,
  name: string,
  section: string,
  comment: string,
  signals: CanSignal[],
  options: { sender?: 'BMS' | 'PCS'; addressed?: boolean } = {},
): CanMessageDefinition {
  return {
    name: `HV_${type}_${name}`,
    id: Number.parseInt(type, 16),
    extended: true,
    dlc: 8,
    sender: options.sender ?? 'BMS',
    addressed: options.addressed ?? true,
    section,
    comment,
    signals,
  };
}

const extremes = (what: string, field: string, unit: object, section: string, extra = {}) => [
  u16(`${what}Max`, `${field}Max${fieldUnitOf(unit)}`, 0, section, { ...unit, ...extra }),
  u16(`${what}Min`, `${field}Min${fieldUnitOf(unit)}`, 2, section, { ...unit, ...extra }),
];

function fieldUnitOf(unit: object): string {
  return unit === celsius ? 'Dc' : 'Mv';
}

export const HV_CAN_SIGNALS: { [K in HvCanMessageType]: CanMessageDefinition } = {
  '4200': message(
    '4200',
    'Request',
    '§1.2',
    'Poll, broadcast (no address). byte0 0 = ensemble (0x4210-0x4290), 1 = cells (0x5xxx, layout unknown), 2 = system (0x7310-0x7340).',
    [u8('RequestCode', 'requestCode', 0, '§1.2', { values: { 0: 'ensemble', 1: 'cells', 2: 'system' } })],
    { sender: 'PCS', addressed: false },
  ),
  '4210': message(
    '4210',
    'Pack',
    '§1.4.1',
    'Pack voltage, current (+ = charging), BMS temperature, SOC, SOH.',
    [
      u16('PackVoltage', 'packVoltageDv', 0, '§1.4.1', volts),
      u16('PackCurrent', 'packCurrentDa', 2, '§1.4.1', { ...amps, comment: 'positive = charging' }),
      u16('BmsTemperature', 'bmsTempDc', 4, '§1.4.1', celsius),
      u8('SOC', 'socPct', 6, '§1.4.1', { unit: '%' }),
      u8('SOH', 'sohPct', 7, '§1.4.1', { unit: '%' }),
    ],
  ),
  '4220': message(
    '4220',
    'Limits',
    '§1.4.2',
    'Cut-off voltages and current limits. Bytes 6-7 have two conventions: three overlapping signals.',
    [
      u16('ChargeCutoffVoltage', 'chargeCutoffDv', 0, '§1.4.2', volts),
      u16('DischargeCutoffVoltage', 'dischargeCutoffDv', 2, '§1.4.2', volts),
      u16('ChargeCurrentLimit', 'chargeLimitDa', 4, '§1.4.2', amps),
      u16('DischargeLimitRaw', 'dischargeLimitRaw', 6, '§1.4.2', {
        confidence: 'conflicting',
        comment:
          'standard raw = 30000 - 10*I, some BMS raw = 30000 + 10*I; our decoder uses abs(raw - 30000)',
      }),
      u16('DischargeLimitStandard', undefined, 6, '§1.4.2', {
        scale: -0.1,
        offset: 3000,
        unit: 'A',
        confidence: 'conflicting',
        comment: 'reading of bytes 6-7 under the standard convention raw = 30000 - 10*I',
      }),
      u16('DischargeLimitPositive', undefined, 6, '§1.4.2', {
        ...amps,
        confidence: 'conflicting',
        comment: 'reading of bytes 6-7 under the positive convention raw = 30000 + 10*I',
      }),
    ],
  ),
  '4230': message('4230', 'CellVoltages', '§1.4.3', 'Highest / lowest cell voltage and their numbers.', [
    ...extremes('CellVoltage', 'cell', millivolts, '§1.4.3'),
    u16('CellVoltageMaxNo', 'cellMaxNo', 4, '§1.4.3', { comment: '0- or 1-based: unknown' }),
    u16('CellVoltageMinNo', 'cellMinNo', 6, '§1.4.3', { comment: '0- or 1-based: unknown' }),
  ]),
  '4240': message(
    '4240',
    'CellTemperatures',
    '§1.4.4',
    'Highest / lowest cell temperature and sensor numbers.',
    [
      ...extremes('CellTemp', 'cellTemp', celsius, '§1.4.4'),
      u16('CellTempMaxNo', 'cellTempMaxNo', 4, '§1.4.4'),
      u16('CellTempMinNo', 'cellTempMinNo', 6, '§1.4.4'),
    ],
  ),
  '4250': message(
    '4250',
    'Status',
    '§1.4.5',
    'Basic status, cycle period, error byte, alarm and protection words (tables A, B, C).',
    statusSignals(),
  ),
  '4260': message(
    '4260',
    'ModuleVoltages',
    '§1.4.6',
    'Highest / lowest module voltage (1 mV: overflows above 65.535 V) and module numbers.',
    [
      ...extremes('ModuleVoltage', 'moduleVoltage', millivolts, '§1.4.6', {
        comment: 'u16 1 mV overflows above 65.535 V; 96 V modules unknown',
      }),
      u16('ModuleVoltageMaxNo', 'moduleVoltageMaxNo', 4, '§1.4.6'),
      u16('ModuleVoltageMinNo', 'moduleVoltageMinNo', 6, '§1.4.6'),
    ],
  ),
  '4270': message(
    '4270',
    'ModuleTemperatures',
    '§1.4.7',
    'Highest / lowest module temperature and module numbers.',
    [
      ...extremes('ModuleTemp', 'moduleTemp', celsius, '§1.4.7'),
      u16('ModuleTempMaxNo', 'moduleTempMaxNo', 4, '§1.4.7'),
      u16('ModuleTempMinNo', 'moduleTempMinNo', 6, '§1.4.7'),
    ],
  ),
  '4280': message('4280', 'ForbiddenMarks', '§1.4.8', 'Charge / discharge forbidden: 0xAA = forbidden.', [
    u8('ChargeForbiddenMark', 'chargeForbiddenMark', 0, '§1.4.8', { values: { 170: 'forbidden' } }),
    u8('DischargeForbiddenMark', 'dischargeForbiddenMark', 1, '§1.4.8', { values: { 170: 'forbidden' } }),
  ]),
  '4290': message('4290', 'FaultExtension', '§1.4.9', 'Fault extension byte; bit order unresolved, raw.', [
    u8('FaultExtensionRaw', 'faultExtensionRaw', 0, '§1.4.9', {
      confidence: 'conflicting',
      comment: 'two sources give opposite bit orders; label after a real capture',
    }),
  ]),
  '7310': message('7310', 'Versions', '§1.4.10', 'Hardware / software versions.', [
    u8('HardwareType', 'hardwareType', 0, '§1.4.10'),
    u8('HardwareMajor', 'hardwareMajor', 2, '§1.4.10'),
    u8('HardwareMinor', 'hardwareMinor', 3, '§1.4.10'),
    u8('SoftwareMajor', 'softwareMajor', 4, '§1.4.10'),
    u8('SoftwareMinor', 'softwareMinor', 5, '§1.4.10'),
    u8('SoftwareDevMajor', 'softwareDevMajor', 6, '§1.4.10'),
    u8('SoftwareDevMinor', 'softwareDevMinor', 7, '§1.4.10'),
  ]),
  '7320': message(
    '7320',
    'Composition',
    '§1.4.11',
    'String composition: series cells, modules, cells/module, V, Ah.',
    [
      u16('TotalCells', 'totalCells', 0, '§1.4.11'),
      u8('ModuleCount', 'moduleCount', 2, '§1.4.11'),
      u8('CellsPerModule', 'cellsPerModule', 3, '§1.4.11'),
      u16('NominalVoltage', 'nominalVoltageV', 4, '§1.4.11', { unit: 'V' }),
      u16('Capacity', 'capacityAh', 6, '§1.4.11', { unit: 'Ah' }),
    ],
  ),
  '7330': message(
    '7330',
    'ManufacturerName1',
    '§1.4.12',
    'Manufacturer name, characters 1-8, zero-padded ASCII.',
    text('§1.4.12'),
  ),
  '7340': message(
    '7340',
    'ManufacturerName2',
    '§1.4.12',
    'Manufacturer name, characters 9-16, zero-padded ASCII.',
    text('§1.4.12'),
  ),
  '8200': message(
    '8200',
    'SleepCommand',
    '§1.2',
    'Sleep / wake command, no reply. DLC not stated by any source; 8 assumed.',
    [u8('SleepCommand', 'commandRaw', 0, '§1.2', { values: { 85: 'enter sleep', 170: 'quit sleep' } })],
    { sender: 'PCS' },
  ),
  '8210': message(
    '8210',
    'ChargeDischargeCommand',
    '§1.2',
    'Close the relay in under-voltage (charge) or over-voltage (discharge) protection; 0xAA = act.',
    [
      u8('ChargeCommand', 'chargeCommandRaw', 0, '§1.2', { values: { 170: 'act' } }),
      u8('DischargeCommand', 'dischargeCommandRaw', 1, '§1.2', { values: { 170: 'act' } }),
    ],
    { sender: 'PCS' },
  ),
  '8240': message(
    '8240',
    'MaskCommFailure',
    '§1.2',
    'Temporarily (5 min) mask external-communication failure. Payload meaning unknown: no signals.',
    [],
    { sender: 'PCS' },
  ),
  '8250': message('8250', 'MaskCommFailureReply', '§1.2', 'Reply to 0x8240 (one source).', [
    u8('MaskReply', 'replyRaw', 0, '§1.2', {
      confidence: 'provisional',
      values: { 170: 'accepted', 0: 'refused' },
    }),
  ]),
};
