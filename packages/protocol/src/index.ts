// Public surface of @fleet/protocol: pure codecs, no Node I/O.

export type { DecodeResult } from './bytes/decode-result.js';
export { bytesToHex, hexToBytes } from './bytes/hex.js';
export { type CanFrame, canFrameProblem, MAX_EXTENDED_CAN_ID, MAX_STANDARD_CAN_ID } from './can/can-frame.js';
// SC console
export {
  BAT_LAYOUTS,
  BAT_RENDER_COLUMNS,
  CELLS_PER_MODULE,
  type ConsoleBat,
  type ConsoleCell,
  parseBat,
  renderBat,
} from './console/bat.console.js';
export {
  CONSOLE_COLUMNS,
  type ConsoleColumnKey,
  type ConsoleRow,
} from './console/console-columns.table.js';
export type { ConsoleParseResult } from './console/console-parse-result.js';
export {
  CONSOLE_BODY_START,
  CONSOLE_DEBUG_PROMPT,
  CONSOLE_DONE,
  CONSOLE_END,
  CONSOLE_PROMPT,
  type ConsoleResponse,
  renderConsoleResponse,
  splitConsoleResponse,
} from './console/console-transcript.js';
export { type ConsoleGetpwr, type GetpwrCell, parseGetpwr, renderGetpwr } from './console/getpwr.console.js';
export { type ConsoleInfo, parseInfo, renderInfo } from './console/info.console.js';
export {
  type ConsoleLoginState,
  LOGIN_DEBUG_COMMAND,
  parseLoginReply,
  renderLoginReply,
  renderTbarReply,
  TBAR_COMMAND,
} from './console/login.console.js';
export {
  type ConsolePwr,
  PWR_LAYOUTS,
  PWR_RENDER_COLUMNS,
  parsePwr,
  renderPwr,
} from './console/pwr.console.js';
export {
  type ConsoleUnit,
  parseUnit,
  renderUnit,
  UNIT_LAYOUTS,
  UNIT_RENDER_COLUMNS,
} from './console/unit.console.js';
// DBC: signal definitions as data and the DBC generator
export {
  type CanMessageDefinition,
  type CanSignal,
  type Confidence,
  flagSignal,
  signal,
} from './dbc/can-signal.js';
export { type DbcFile, pylontechDbcFiles } from './dbc/pylontech-dbc.js';
export { type DbcDocument, renderDbc } from './dbc/render-dbc.js';
export { physicalOf, readSignalRaw, writeSignalRaw } from './dbc/signal-access.js';
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
  type ChargeDischarge8210,
  COMMAND_EFFECT,
  chargeDischarge8210,
  decodeChargeDischarge8210,
  encodeChargeDischarge8210,
} from './hv-can/charge-discharge-8210.codec.js';
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
export { HV_CAN_SIGNALS } from './hv-can/hv-can-signals.table.js';
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
  decodeMaskCommFailure8240,
  encodeMaskCommFailure8240,
  MASK_COMM_FAILURE_8240,
  type MaskCommFailure8240,
} from './hv-can/mask-comm-failure-8240.codec.js';
export {
  decodeMaskReply8250,
  encodeMaskReply8250,
  MASK_ACCEPTED,
  MASK_REFUSED,
  type MaskReply,
  type MaskReply8250,
  maskReply8250,
} from './hv-can/mask-reply-8250.codec.js';
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
  decodeSleep8200,
  ENTER_SLEEP,
  encodeSleep8200,
  QUIT_SLEEP,
  type Sleep8200,
  type SleepCommand,
  sleep8200,
} from './hv-can/sleep-8200.codec.js';
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
// Pylontech LV CAN
export { type Alarms35A, decodeAlarms35A, encodeAlarms35A } from './lv-can/alarms-35a.codec.js';
export { type Battery356, decodeBattery356, encodeBattery356 } from './lv-can/battery-356.codec.js';
export {
  type BatteryInfo35F,
  decodeBatteryInfo35F,
  encodeBatteryInfo35F,
} from './lv-can/battery-info-35f.codec.js';
export { decodeLvCanFrame, type LvCanDecodeResult } from './lv-can/decode-lv-can-frame.js';
export { encodeLvCanFrame } from './lv-can/encode-lv-can-frame.js';
export {
  decodeFlags359,
  encodeFlags359,
  type Flags359,
  type Flags359Input,
  flags359,
  type LvAlarmFlags,
  type LvProtectionFlags,
} from './lv-can/flags-359.codec.js';
export {
  decodeKeepAlive305,
  encodeKeepAlive305,
  KEEP_ALIVE_305,
  type KeepAlive305,
} from './lv-can/keep-alive-305.codec.js';
export { decodeLimits351, encodeLimits351, type Limits351 } from './lv-can/limits-351.codec.js';
export { LV_BROADCAST_TYPES, LV_CAN_CODECS, type LvCanCodec } from './lv-can/lv-can-codecs.table.js';
export type { LvCanMessage, LvCanMessageOf, LvCanMessageType, LvCanValues } from './lv-can/lv-can-message.js';
export {
  decodeManufacturer35E,
  encodeManufacturer35E,
  type Manufacturer35E,
} from './lv-can/manufacturer-35e.codec.js';
export type { RawPayload } from './lv-can/raw-payload.js';
export {
  decodeRequests35C,
  encodeRequests35C,
  type Requests35C,
  requests35C,
} from './lv-can/requests-35c.codec.js';
export { decodeSocSoh355, encodeSocSoh355, type SocSoh355 } from './lv-can/soc-soh-355.codec.js';
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
