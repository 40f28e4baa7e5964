// Requests of protocol V3.3 (protocol reference §3.4, §3.5): builders for the agent and a
// decoder for the simulator. Most commands carry the module address twice, in ADR and as the
// single INFO byte; 0x42 / 0x44 may instead ask a whole group (ADR 0x02 + 0x10·group, INFO 0xFF).
import type { DecodeResult } from '../bytes/decode-result.js';
import { corrupt, ok } from '../bytes/decode-result.js';
import { encodeRs485Frame } from './encode-rs485-frame.js';
import { InfoReader, InfoWriter } from './info-reader.js';
import { ALL_MODULES, commandName, RS485_COMMANDS, type Rs485CommandName } from './rs485-commands.js';
import { RS485_CID1_BATTERY, RS485_VERSION_V33, type Rs485Frame } from './rs485-frame.js';

/** The master module of group `group` (0-7): ADR 2 + 0x10·group (§3.5). */
export function groupMasterAddress(group = 0): number {
  return 0x02 + 0x10 * group;
}

/** A request as the bus sees it: which command, to which ADR, with which INFO bytes. */
export interface Rs485Request {
  command: Rs485CommandName;
  adr: number;
  info: Uint8Array;
}

/** Frame text of a request; VER defaults to 0x20 (batteries ignore it for 0x4F, §3.1). */
export function encodeRs485Request(request: Rs485Request, ver = RS485_VERSION_V33): string {
  return encodeRs485Frame({
    ver,
    adr: request.adr,
    cid1: RS485_CID1_BATTERY,
    cid2: RS485_COMMANDS[request.command],
    info: request.info,
  });
}

/** A command whose INFO is the module address (0x42, 0x44, 0x92, 0x93, 0x95, 0x96). */
export function moduleRequest(
  command: 'analogValues' | 'alarmInfo' | 'chargeManagement' | 'serialNumber' | 'turnOff' | 'softwareVersion',
  address: number,
): Rs485Request {
  return { command, adr: address, info: new InfoWriter().u8(address, 'address').toBytes() };
}

/** 0x42 / 0x44 for every module of a group: ADR of the group's master, INFO 0xFF. */
export function groupRequest(command: 'analogValues' | 'alarmInfo', group = 0): Rs485Request {
  return { command, adr: groupMasterAddress(group), info: Uint8Array.of(ALL_MODULES) };
}

/**
 * A command without INFO per the PDF (0x47, 0x4F, 0x51). `withAddressByte` adds the one
 * byte real clients send to 0x47 and that batteries accept (§3.4).
 */
export function plainRequest(
  command: 'systemParameters' | 'protocolVersion' | 'manufacturerInfo',
  adr: number,
  withAddressByte = false,
): Rs485Request {
  return { command, adr, info: withAddressByte ? Uint8Array.of(adr) : new Uint8Array(0) };
}

/** 0x94 values (✔1, PDF only): currents signed 0.1 A like 0x92's. */
export interface SetChargeManagement94 {
  address: number;
  chargeVoltageLimitMv: number;
  dischargeVoltageLimitMv: number;
  chargeCurrentLimitDa: number;
  dischargeCurrentLimitDa: number;
}

/** 0x94 must be repeated: the battery reverts after 10 s without it (§3.4). */
export function setChargeManagementRequest(v: SetChargeManagement94): Rs485Request {
  const info = new InfoWriter()
    .u8(v.address, 'address')
    .u16(v.chargeVoltageLimitMv, 'chargeVoltageLimitMv')
    .u16(v.dischargeVoltageLimitMv, 'dischargeVoltageLimitMv')
    .s16(v.chargeCurrentLimitDa, 'chargeCurrentLimitDa')
    .s16(v.dischargeCurrentLimitDa, 'dischargeCurrentLimitDa')
    .toBytes();
  return { command: 'setChargeManagement', adr: v.address, info };
}

export function decodeSetChargeManagement94(info: Uint8Array): DecodeResult<SetChargeManagement94> {
  const r = new InfoReader(info);
  const value = {
    address: r.u8(),
    chargeVoltageLimitMv: r.u16(),
    dischargeVoltageLimitMv: r.u16(),
    chargeCurrentLimitDa: r.s16(),
    dischargeCurrentLimitDa: r.s16(),
  };
  if (r.short || r.remaining > 0) {
    return corrupt(`0x94: INFO must be 9 bytes, got ${info.length}`);
  }
  return ok(value);
}

/** What a simulator needs to answer a request. `target` is INFO's first byte when present. */
export type Rs485RequestDecodeResult =
  | { status: 'ok'; request: Rs485Request; target: number | undefined }
  | { status: 'corrupt'; reason: string }
  /** CID2 not defined by V3.3: a battery answers RTN 0x04. */
  | { status: 'unknown'; cid2: number };

export function decodeRs485Request(frame: Rs485Frame): Rs485RequestDecodeResult {
  if (frame.cid1 !== RS485_CID1_BATTERY) {
    return { status: 'corrupt', reason: `CID1 0x${frame.cid1.toString(16)} is not battery data (0x46)` };
  }
  const command = commandName(frame.cid2);
  if (command === undefined) {
    return { status: 'unknown', cid2: frame.cid2 };
  }
  return { status: 'ok', request: { command, adr: frame.adr, info: frame.info }, target: frame.info[0] };
}
