// What a simulator builds: replies from values, decoded back by the agent's side.
import { describe, expect, it } from 'vitest';
import { encodeBitFlags } from '../hv-can/status-flags.table.js';
import { decodeAlarmInfo44, encodeAlarmInfo44 } from './alarm-info-44.codec.js';
import { capacityFields, decodeAnalogValues42, encodeAnalogValues42 } from './analog-values-42.codec.js';
import { decodeRs485Frame } from './decode-rs485-frame.js';
import { ALARM_STATUS1_BITS, ALARM_STATUS2_BITS, itemStateOf } from './rs485-bit-tables.js';
import {
  decodeRs485Request,
  decodeSetChargeManagement94,
  encodeRs485Request,
  groupRequest,
  moduleRequest,
  plainRequest,
  setChargeManagementRequest,
} from './rs485-request.js';
import { encodeRs485Response, responseStatus } from './rs485-response.js';
import { Rs485ReturnCode, returnCodeName } from './rs485-return-code.js';

const module = (cellMv: number, remainingMah: number, totalMah: number, wide?: boolean) => ({
  cellVoltagesMv: new Array(15).fill(cellMv),
  temperaturesDc: [251, 240, 239, 238, -5],
  currentDa: -123,
  moduleVoltageMv: cellMv * 15,
  cycleCount: 412,
  ...capacityFields(remainingMah, totalMah, wide),
});

describe('RS485 replies built from values', () => {
  it('a 0xFF group reply with 50 Ah and 74 Ah modules decodes to the same values', () => {
    const modules = [module(3300, 40_000, 50_000), module(3310, 70_000, 74_000)];
    const text = encodeRs485Response({
      adr: 2,
      info: encodeAnalogValues42({ infoFlag: 0, commandValue: 2, modules }),
    });
    const frame = decodeRs485Frame(text);
    if (frame.status !== 'ok') {
      throw new Error(frame.detail);
    }
    const sut = decodeAnalogValues42(frame.frame.info, 'group');
    expect(
      sut.status === 'ok' &&
        sut.value.modules.map((m) => [
          m.userItemCount,
          m.remainingCapacityMah,
          m.totalCapacityMah,
          m.temperaturesDc,
        ]),
    ).toEqual([
      [2, 40_000, 50_000, [251, 240, 239, 238, -5]],
      [4, 70_000, 74_000, [251, 240, 239, 238, -5]],
    ]);
  });

  it('refuses a group reply whose module count disagrees with its blocks', () => {
    const info = encodeAnalogValues42({ infoFlag: 0, commandValue: 3, modules: [module(3300, 1, 2)] });
    expect(decodeAnalogValues42(info, 'group')).toMatchObject({ status: 'corrupt' });
    expect(decodeAnalogValues42(info, 'single')).toMatchObject({ status: 'ok' });
  });

  it('0x44 status bits set by name decode to the same names', () => {
    const info = encodeAlarmInfo44({
      dataFlag: 0x11,
      commandValue: 3,
      cellStates: [0, 0, 2, ...new Array(12).fill(0)],
      temperatureStates: [0, 0, 0, 0, 0xf0],
      chargeCurrentState: 0,
      moduleVoltageState: 1,
      dischargeCurrentState: 0,
      status1: encodeBitFlags(ALARM_STATUS1_BITS, { cellUnderVoltage: true, chargeOverTemperature: true }),
      status2: encodeBitFlags(ALARM_STATUS2_BITS, { dischargeMosfetOn: true }),
      status3: 0,
      status4: 0b100,
      status5: 0,
      trailing: [],
    });
    const sut = decodeAlarmInfo44(info);
    if (sut.status !== 'ok') {
      throw new Error(sut.reason);
    }
    expect(sut.value.protections).toMatchObject({
      cellUnderVoltage: true,
      chargeOverTemperature: true,
      moduleOverVoltage: false,
    });
    expect(sut.value.switches).toMatchObject({ dischargeMosfetOn: true, chargeMosfetOn: false });
    expect(sut.value.cellFailures.indexOf(true)).toBe(2);
    expect([
      itemStateOf(sut.value.cellStates[2]!),
      itemStateOf(sut.value.temperatureStates[4]!),
      itemStateOf(7),
    ]).toEqual(['aboveUpperLimit', 'otherError', 'unknown']);
  });

  it('refuses a 0x44 reply with more than one unexplained trailing byte', () => {
    const info = encodeAlarmInfo44({
      dataFlag: 0,
      commandValue: 2,
      cellStates: [],
      temperatureStates: [],
      chargeCurrentState: 0,
      moduleVoltageState: 0,
      dischargeCurrentState: 0,
      status1: 0,
      status2: 0,
      status3: 0,
      status4: 0,
      status5: 0,
      trailing: [1, 2],
    });
    expect(decodeAlarmInfo44(info)).toMatchObject({ status: 'corrupt' });
  });
});

describe('RS485 requests', () => {
  it('builds group, module and plain requests as the bus expects them', () => {
    expect(encodeRs485Request(groupRequest('alarmInfo', 1))).toMatch(/^~20124644E002FF[0-9A-F]{4}\r$/);
    expect(encodeRs485Request(moduleRequest('softwareVersion', 3))).toMatch(/^~20034696E00203[0-9A-F]{4}\r$/);
    expect(encodeRs485Request(plainRequest('protocolVersion', 2))).toMatch(/^~2002464F0000[0-9A-F]{4}\r$/);
    expect(encodeRs485Request(plainRequest('systemParameters', 2, true))).toMatch(/^~20024647E00202/);
  });

  it('0x94 values survive the request encoder and decoder', () => {
    const values = {
      address: 2,
      chargeVoltageLimitMv: 53_250,
      dischargeVoltageLimitMv: 47_000,
      chargeCurrentLimitDa: 250,
      dischargeCurrentLimitDa: -250,
    };
    expect(decodeSetChargeManagement94(setChargeManagementRequest(values).info)).toEqual({
      status: 'ok',
      value: values,
    });
  });

  it('an unknown CID2 is reported as unknown, so a battery can answer RTN 0x04', () => {
    const frame = { ver: 0x20, adr: 2, cid1: 0x46, cid2: 0x99, info: new Uint8Array(0) };
    expect(decodeRs485Request(frame)).toEqual({ status: 'unknown', cid2: 0x99 });
    const reply = decodeRs485Frame(encodeRs485Response({ adr: 2, rtn: Rs485ReturnCode.invalidCid2 }));
    expect(reply.status === 'ok' && responseStatus(reply.frame)).toEqual({ rtn: 4, ok: false });
    expect([returnCodeName(0x91), returnCodeName(0x42)]).toEqual(['internalCommunicationError', 'unknown']);
  });

  it('the encoders refuse values that do not fit, naming the field', () => {
    expect(() =>
      encodeAnalogValues42({
        infoFlag: 0,
        commandValue: 2,
        modules: [{ ...module(3300, 1, 2), currentDa: 40_000 }],
      }),
    ).toThrow(/currentDa/);
  });
});
