// Public surface of @fleet/protocol: pure codecs, no Node I/O.

export type { DecodeResult } from './bytes/decode-result.js';
export { bytesToHex, hexToBytes } from './bytes/hex.js';
export { type CanFrame, canFrameProblem, MAX_EXTENDED_CAN_ID, MAX_STANDARD_CAN_ID } from './can/can-frame.js';
export {
  type CellTempExtremes4240,
  decodeCellTempExtremes4240,
  encodeCellTempExtremes4240,
} from './hv-can/cell-temp-extremes-4240.codec.js';
export {
  type CellVoltageExtremes4230,
  decodeCellVoltageExtremes4230,
  encodeCellVoltageExtremes4230,
} from './hv-can/cell-voltage-extremes-4230.codec.js';
export {
  type Composition7320,
  decodeComposition7320,
  encodeComposition7320,
} from './hv-can/composition-7320.codec.js';
export { decodeHvCanFrame, type HvCanDecodeResult } from './hv-can/decode-hv-can-frame.js';
export { encodeHvCanFrame } from './hv-can/encode-hv-can-frame.js';
export {
  decodeFaultExtension4290,
  encodeFaultExtension4290,
  type FaultExtension4290,
} from './hv-can/fault-extension-4290.codec.js';
export {
  decodeForbiddenMarks4280,
  encodeForbiddenMarks4280,
  FORBIDDEN_MARK,
  type ForbiddenMarks4280,
  forbiddenMarks4280,
} from './hv-can/forbidden-marks-4280.codec.js';
export {
  ENSEMBLE_REPLY_TYPES,
  HV_CAN_CODECS,
  type HvCanCodec,
  SYSTEM_REPLY_TYPES,
} from './hv-can/hv-can-codecs.table.js';
export { canIdLabel, hvReplyAddress, MAX_BMS_ADDRESS } from './hv-can/hv-can-ids.js';
export type { HvCanMessage, HvCanMessageOf, HvCanMessageType, HvCanValues } from './hv-can/hv-can-message.js';
// Pylontech HV CAN
export {
  CURRENT_OFFSET_DA,
  currentDaFromRaw,
  currentDaToRaw,
  TEMPERATURE_OFFSET_DC,
  temperatureDcFromRaw,
  temperatureDcToRaw,
} from './hv-can/hv-can-scaling.js';
export {
  type DischargeLimitConvention,
  decodeLimits4220,
  encodeLimits4220,
  type Limits4220,
  limits4220,
} from './hv-can/limits-4220.codec.js';
export {
  decodeManufacturerName7330,
  encodeManufacturerName7330,
  type ManufacturerName7330,
  splitManufacturerName,
} from './hv-can/manufacturer-name-7330.codec.js';
export {
  decodeModuleTempExtremes4270,
  encodeModuleTempExtremes4270,
  type ModuleTempExtremes4270,
} from './hv-can/module-temp-extremes-4270.codec.js';
export {
  decodeModuleVoltageExtremes4260,
  encodeModuleVoltageExtremes4260,
  type ModuleVoltageExtremes4260,
} from './hv-can/module-voltage-extremes-4260.codec.js';
export { decodePack4210, encodePack4210, type Pack4210 } from './hv-can/pack-4210.codec.js';
export {
  decodeRequest4200,
  encodeRequest4200,
  type Request4200,
  type RequestKind,
  request4200,
} from './hv-can/request-4200.codec.js';
export {
  decodeStatus4250,
  encodeStatus4250,
  type Status4250,
  type Status4250Raw,
  status4250,
  statusByteOf,
} from './hv-can/status-4250.codec.js';
export {
  ALARM_PROTECTION_BITS,
  type AlarmProtectionFlags,
  type BitDefinition,
  decodeBitFlags,
  ERROR_BITS,
  type ErrorFlags,
  encodeBitFlags,
  type HvPackState,
  PACK_STATES,
  STATUS_REQUEST_BITS,
} from './hv-can/status-flags.table.js';
export { decodeVersions7310, encodeVersions7310, type Versions7310 } from './hv-can/versions-7310.codec.js';
// RS485 ASCII
export {
  type AlarmInfo44,
  type AlarmInfo44Input,
  decodeAlarmInfo44,
  encodeAlarmInfo44,
  MAX_ALARM_TRAILING_BYTES,
} from './rs485/alarm-info-44.codec.js';
export {
  type AnalogModule42,
  type AnalogModule42Input,
  type AnalogQuery,
  type AnalogValues42,
  CAPACITY_IN_WIDE_FIELD,
  capacityFields,
  decodeAnalogValues42,
  encodeAnalogValues42,
  USER_ITEMS_LARGE,
  USER_ITEMS_SMALL,
} from './rs485/analog-values-42.codec.js';
export {
  type ChargeManagement92,
  type ChargeManagement92Input,
  decodeChargeManagement92,
  encodeChargeManagement92,
} from './rs485/charge-management-92.codec.js';
export {
  decodeRs485Frame,
  type Rs485CorruptReason,
  type Rs485FrameResult,
} from './rs485/decode-rs485-frame.js';
export { encodeRs485Frame } from './rs485/encode-rs485-frame.js';
export {
  decodeManufacturerInfo51,
  encodeManufacturerInfo51,
  type ManufacturerInfo51,
} from './rs485/manufacturer-info-51.codec.js';
export {
  ALARM_STATUS1_BITS,
  ALARM_STATUS2_BITS,
  ALARM_STATUS3_BITS,
  type AlarmStatus1Flags,
  type AlarmStatus2Flags,
  type AlarmStatus3Flags,
  CHARGE_MANAGEMENT_BITS,
  type ChargeManagementFlags,
  cellFailuresOf,
  ITEM_STATES,
  type ItemState,
  itemStateOf,
} from './rs485/rs485-bit-tables.js';
export { frameChecksum, lengthChecksum, lengthWord, MAX_LENID } from './rs485/rs485-checksum.js';
export { ALL_MODULES, commandName, RS485_COMMANDS, type Rs485CommandName } from './rs485/rs485-commands.js';
export {
  RS485_CID1_BATTERY,
  RS485_EOI,
  RS485_SOI,
  RS485_VERSION_V33,
  type Rs485Frame,
  rs485FrameLength,
} from './rs485/rs485-frame.js';
export {
  decodeRs485Request,
  decodeSetChargeManagement94,
  encodeRs485Request,
  groupMasterAddress,
  groupRequest,
  moduleRequest,
  plainRequest,
  type Rs485Request,
  type Rs485RequestDecodeResult,
  type SetChargeManagement94,
  setChargeManagementRequest,
} from './rs485/rs485-request.js';
export { encodeRs485Response, type Rs485Response, responseStatus } from './rs485/rs485-response.js';
export { Rs485ReturnCode, type Rs485ReturnCodeName, returnCodeName } from './rs485/rs485-return-code.js';
export { KELVIN_OFFSET_DK, tempDcFromDk, tempDcToDk } from './rs485/rs485-scaling.js';
export {
  DEFAULT_MAX_RS485_FRAME,
  type Rs485ParseResult,
  Rs485StreamParser,
} from './rs485/rs485-stream-parser.js';
export {
  decodeSerialNumber93,
  encodeSerialNumber93,
  type SerialNumber93,
} from './rs485/serial-number-93.codec.js';
export {
  decodeSoftwareVersion96,
  encodeSoftwareVersion96,
  type SoftwareVersion96,
} from './rs485/software-version-96.codec.js';
export {
  decodeSystemParameters47,
  encodeSystemParameters47,
  type SystemParameters47,
} from './rs485/system-parameters-47.codec.js';
export { decodeSlcanLine } from './slcan/decode-slcan-line.js';
export { encodeSlcanCommand, encodeSlcanFrame, encodeSlcanTransmitAck } from './slcan/encode-slcan.js';
// SLCAN (Lawicel) framing
export {
  SLCAN_BITRATES,
  SLCAN_ERROR,
  SLCAN_OK,
  type SlcanCommand,
  slcanBitrateCommand,
} from './slcan/slcan-command.js';
export { DEFAULT_MAX_SLCAN_LINE, SlcanLineParser } from './slcan/slcan-line-parser.js';
export type { SlcanParseResult } from './slcan/slcan-parse-result.js';
