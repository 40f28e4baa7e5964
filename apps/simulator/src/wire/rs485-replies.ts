// Answers to RS485 V3.3 requests (protocol reference §3.4-§3.6), pure: a decoded request
// and the strings in, the reply frame text out (or undefined = stay silent, as a battery
// does for an ADR that is not its own). Addresses per topology/addressing.ts.
import {
  ALL_MODULES,
  encodeAlarmInfo44,
  encodeAnalogValues42,
  encodeChargeManagement92,
  encodeManufacturerInfo51,
  encodeRs485Response,
  encodeSerialNumber93,
  encodeSoftwareVersion96,
  encodeSystemParameters47,
  type Rs485Request,
  Rs485ReturnCode,
} from '@fleet/protocol';
import type { BatteryString } from '../model/battery-string.js';
import { fromRs485Address } from '../topology/addressing.js';
import { SIMULATED_MANUFACTURER, SIMULATED_VERSIONS } from './reply-bursts.js';
import { alarmModule, analogModule, chargeManagement, systemParameters } from './rs485-module-data.js';

/** The protocol version answered to 0x4F in VER (V3.3 traffic carries 0x20, R6). */
const PROTOCOL_VERSION = 0x20;

export function serialNumberOf(s: BatteryString, m: number): string {
  const configured = s.moduleSerials?.[m];
  if (configured !== undefined) {
    return configured;
  }
  return `SIMADD${String(s.add).padStart(2, '0')}MOD${String(m + 1).padStart(2, '0')}`;
}

function reply(adr: number, info: Uint8Array): string {
  return encodeRs485Response({ adr, info });
}

function error(adr: number, rtn: number): string {
  return encodeRs485Response({ adr, rtn });
}

export function rs485Reply(request: Rs485Request, strings: readonly BatteryString[]): string | undefined {
  const { adr } = request;
  const where = fromRs485Address(adr);
  const s = where === undefined ? undefined : strings.find((x) => x.stringIndex === where.stringIndex);
  if (where === undefined || s === undefined) {
    return undefined;
  }
  const target = request.info[0];
  const group =
    target === ALL_MODULES && (request.command === 'analogValues' || request.command === 'alarmInfo');
  if (!group && where.moduleIndex >= s.modules.length) {
    return undefined;
  }
  const dropped = (m: number) => s.faults.droppedModules.includes(m);
  if ((group && s.faults.droppedModules.length > 0) || (!group && dropped(where.moduleIndex))) {
    // The master cannot reach that module on its internal bus.
    return error(adr, Rs485ReturnCode.internalCommunicationError);
  }
  const modules = group ? s.modules.map((_, m) => m) : [where.moduleIndex];
  const commandValue = group ? s.modules.length : adr;
  switch (request.command) {
    case 'analogValues':
      return reply(
        adr,
        encodeAnalogValues42({ infoFlag: 0, commandValue, modules: modules.map((m) => analogModule(s, m)) }),
      );
    case 'alarmInfo':
      // A group answer repeats the per-module block (§3.6, like 0x42).
      return reply(
        adr,
        concat(
          modules.map((m) => encodeAlarmInfo44(alarmModule(s, m, m === modules[0] ? commandValue : adr))),
        ),
      );
    case 'systemParameters':
      return reply(adr, encodeSystemParameters47(systemParameters(s)));
    case 'protocolVersion':
      return encodeRs485Response({ adr, ver: PROTOCOL_VERSION });
    case 'manufacturerInfo':
      return reply(
        adr,
        encodeManufacturerInfo51({
          deviceName: s.moduleTypeName,
          softwareVersion: [SIMULATED_VERSIONS.softwareMajor, SIMULATED_VERSIONS.softwareMinor],
          manufacturerName: SIMULATED_MANUFACTURER,
        }),
      );
    case 'chargeManagement':
      return reply(adr, encodeChargeManagement92(chargeManagement(s, adr)));
    case 'serialNumber':
      return reply(
        adr,
        encodeSerialNumber93({ commandValue: adr, serialNumber: serialNumberOf(s, where.moduleIndex) }),
      );
    case 'softwareVersion':
      return reply(
        adr,
        encodeSoftwareVersion96({
          commandValue: adr,
          manufacturerVersion: (SIMULATED_VERSIONS.softwareMajor << 8) | SIMULATED_VERSIONS.softwareMinor,
          mainLineVersion: 0x000001,
        }),
      );
    default:
      // 0x94 / 0x95 change the battery; the simulator does not take orders over RS485.
      return error(adr, Rs485ReturnCode.invalidCid2);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
