// Golden vectors R1–R20 and the negative R21x/R22x of the protocol reference (§4.2), asserted
// in both directions: text → frame → documented values, and values → the same text. Every
// frame also passes a second, independently written checksum check.
import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../src/bytes/decode-result.js';
import { decodeAlarmInfo44, encodeAlarmInfo44 } from '../src/rs485/alarm-info-44.codec.js';
import {
  type AnalogQuery,
  decodeAnalogValues42,
  encodeAnalogValues42,
} from '../src/rs485/analog-values-42.codec.js';
import {
  decodeChargeManagement92,
  encodeChargeManagement92,
} from '../src/rs485/charge-management-92.codec.js';
import { decodeRs485Frame } from '../src/rs485/decode-rs485-frame.js';
import { encodeRs485Frame } from '../src/rs485/encode-rs485-frame.js';
import {
  decodeManufacturerInfo51,
  encodeManufacturerInfo51,
} from '../src/rs485/manufacturer-info-51.codec.js';
import {
  decodeRs485Request,
  encodeRs485Request,
  groupRequest,
  moduleRequest,
} from '../src/rs485/rs485-request.js';
import { encodeRs485Response } from '../src/rs485/rs485-response.js';
import { Rs485StreamParser } from '../src/rs485/rs485-stream-parser.js';
import { decodeSoftwareVersion96, encodeSoftwareVersion96 } from '../src/rs485/software-version-96.codec.js';
import {
  decodeSystemParameters47,
  encodeSystemParameters47,
} from '../src/rs485/system-parameters-47.codec.js';
import fixture from './fixtures/rs485-vectors.json' with { type: 'json' };
import { independentlyValid } from './rs485-independent-checksum.js';

interface Codec {
  decode(info: Uint8Array): DecodeResult<unknown>;
  encode(value: never): Uint8Array;
}

const analog = (query: AnalogQuery): Codec => ({
  decode: (info) => decodeAnalogValues42(info, query),
  encode: encodeAnalogValues42,
});
const CODECS = {
  analogSingle: analog('single'),
  analogGroup: analog('group'),
  alarm: { decode: decodeAlarmInfo44, encode: encodeAlarmInfo44 },
  parameters: { decode: decodeSystemParameters47, encode: encodeSystemParameters47 },
  manufacturer: { decode: decodeManufacturerInfo51, encode: encodeManufacturerInfo51 },
  management: { decode: decodeChargeManagement92, encode: encodeChargeManagement92 },
  software: { decode: decodeSoftwareVersion96, encode: encodeSoftwareVersion96 },
} satisfies Record<string, Codec>;

type Expectation =
  | { request: Parameters<typeof moduleRequest>[0] | 'analogGroup'; adr: number; target: number }
  | { response: keyof typeof CODECS; adr: number; value: unknown; check?: (value: never) => void }
  | { versionReply: number; adr: number };

const cells = (...mv: number[]) => mv;
const module42 = (v: Record<string, unknown>) => expect.objectContaining(v);

/** Documented meaning of each vector (reference §4.2), in our field names and integer units. */
const expected: Record<string, Expectation> = {
  R1: { request: 'analogValues', adr: 2, target: 2 },
  R2: { request: 'analogGroup', adr: 2, target: 0xff },
  R3: { request: 'chargeManagement', adr: 2, target: 2 },
  R4: { request: 'analogValues', adr: 1, target: 1 },
  R5: {
    response: 'analogSingle',
    adr: 1,
    value: {
      infoFlag: 0x11,
      commandValue: 1,
      modules: [
        module42({
          cellVoltagesMv: cells(
            3397,
            3396,
            3397,
            3396,
            3397,
            3396,
            3390,
            3397,
            3402,
            3402,
            3403,
            3402,
            3402,
            3402,
            3402,
          ),
          temperaturesDc: [280, 280, 280, 290, 290],
          currentDa: 0,
          moduleVoltageMv: 50981,
          remainingCapacityMah: 49000,
          totalCapacityMah: 50000,
          userItemCount: 2,
          cycleCount: 2,
        }),
      ],
    },
  },
  R6: { versionReply: 0x20, adr: 2 },
  R7: {
    response: 'manufacturer',
    adr: 2,
    value: { deviceName: 'US2KBPL', softwareVersion: [2, 3], manufacturerName: 'Pylon---------------' },
  },
  R8: {
    response: 'analogSingle',
    adr: 2,
    value: {
      infoFlag: 0,
      commandValue: 2,
      modules: [
        module42({
          temperaturesDc: [290, 260, 260, 260, 260],
          currentDa: 21,
          moduleVoltageMv: 50408,
          remainingCapacityMah: 35500,
          totalCapacityMah: 50000,
          cycleCount: 79,
        }),
      ],
    },
    check: (v: { modules: { cellVoltagesMv: number[] }[] }) => {
      const mv = v.modules[0]!.cellVoltagesMv;
      expect([mv.length, Math.min(...mv), Math.max(...mv)]).toEqual([15, 3359, 3362]);
    },
  },
  R9: {
    response: 'parameters',
    adr: 2,
    value: {
      infoFlag: 0x11,
      cellHighVoltageMv: 3650,
      cellLowVoltageMv: 3050,
      cellUnderVoltageMv: 2900,
      chargeHighTempDc: 610,
      chargeLowTempDc: -110,
      chargeCurrentLimitDa: 1020,
      moduleHighVoltageMv: 54000,
      moduleLowVoltageMv: 46000,
      moduleUnderVoltageMv: 44500,
      dischargeHighTempDc: 610,
      dischargeLowTempDc: -110,
      dischargeCurrentLimitDa: -1000,
    },
  },
  R10: {
    response: 'alarm',
    adr: 2,
    value: expect.objectContaining({
      commandValue: 2,
      cellStates: new Array(15).fill(0),
      temperatureStates: [0, 0, 0, 0, 0],
      status1: 0,
      status2: 0x0e,
      status3: 0x80,
      switches: {
        preChargeMosfetOn: false,
        chargeMosfetOn: true,
        dischargeMosfetOn: true,
        usingBatteryModulePower: true,
      },
      activity: expect.objectContaining({ effectiveChargeCurrent: true, effectiveDischargeCurrent: false }),
      trailing: [],
    }),
  },
  R11: {
    response: 'management',
    adr: 2,
    value: {
      commandValue: 2,
      chargeVoltageLimitMv: 53250,
      dischargeVoltageLimitMv: 47000,
      chargeCurrentLimitDa: 250,
      dischargeCurrentLimitDa: -250,
      statusByte: 0xc0,
      status: {
        chargeEnable: true,
        dischargeEnable: true,
        chargeImmediately1: false,
        chargeImmediately2: false,
        fullChargeRequest: false,
      },
    },
  },
  R12: {
    response: 'software',
    adr: 2,
    value: { commandValue: 2, manufacturerVersion: 0x0203, mainLineVersion: 0x000605 },
  },
  R13: {
    response: 'analogSingle',
    adr: 2,
    value: {
      infoFlag: 0,
      commandValue: 2,
      modules: [
        module42({
          currentDa: 201,
          moduleVoltageMv: 50247,
          cycleCount: 18,
          userItemCount: 4,
          remainingCapacity16Mah: 0xffff,
          totalCapacity16Mah: 0xffff,
          remainingCapacityMah: 94905,
          totalCapacityMah: 100000,
        }),
      ],
    },
  },
  R14: {
    response: 'management',
    adr: 2,
    value: expect.objectContaining({
      chargeVoltageLimitMv: 53250,
      dischargeVoltageLimitMv: 45000,
      chargeCurrentLimitDa: 200,
      dischargeCurrentLimitDa: -500,
      statusByte: 0xc0,
    }),
  },
  R15: {
    response: 'alarm',
    adr: 2,
    value: expect.objectContaining({ status2: 0x0e, status3: 0x80, trailing: [0] }),
  },
  R16: {
    response: 'analogGroup',
    adr: 2,
    value: expect.objectContaining({ commandValue: 3 }),
    check: (v: { modules: { cellVoltagesMv: number[]; currentDa: number; moduleVoltageMv: number }[] }) => {
      // The reference's "3.301–3.306 V" is the first module; the later ones dip to 3.297 V.
      const first = v.modules[0]!.cellVoltagesMv;
      const all = v.modules.flatMap((m) => m.cellVoltagesMv);
      expect([Math.min(...first), Math.max(...first)]).toEqual([3301, 3306]);
      expect([Math.min(...all), Math.max(...all)]).toEqual([3297, 3306]);
      expect(v.modules.map((m) => [m.currentDa, m.moduleVoltageMv])).toEqual([
        [-26, 49545],
        [-25, 49520],
        [-27, 49504],
      ]);
      expect(v.modules.map((m) => module42Summary(m))).toEqual(new Array(3).fill([33500, 50000, 31]));
    },
  },
  R17: {
    response: 'analogGroup',
    adr: 2,
    value: expect.objectContaining({ commandValue: 4 }),
    check: (v: { modules: { userItemCount: number; totalCapacityMah: number }[] }) => {
      expect(v.modules.map((m) => [m.userItemCount, m.totalCapacityMah])).toEqual(
        new Array(4).fill([4, 74000]),
      );
    },
  },
  R18: {
    response: 'analogGroup',
    adr: 2,
    value: expect.objectContaining({ commandValue: 2 }),
    check: (v: { modules: { totalCapacityMah: number }[] }) => {
      expect(v.modules.map((m) => m.totalCapacityMah)).toEqual([74000, 50000]);
    },
  },
  R19: {
    response: 'analogSingle',
    adr: 2,
    value: {
      infoFlag: 0x10,
      commandValue: 2,
      modules: [
        module42({
          currentDa: -6,
          moduleVoltageMv: 26638,
          remainingCapacityMah: 95460,
          totalCapacityMah: 111000,
        }),
      ],
    },
    check: (v: { modules: { cellVoltagesMv: number[] }[] }) => {
      expect(v.modules[0]!.cellVoltagesMv).toHaveLength(8);
    },
  },
  R20: {
    response: 'management',
    adr: 2,
    value: expect.objectContaining({
      chargeVoltageLimitMv: 28400,
      dischargeVoltageLimitMv: 23200,
      chargeCurrentLimitDa: 555,
      dischargeCurrentLimitDa: -555,
      statusByte: 0xc0,
    }),
  },
};

function module42Summary(m: unknown): number[] {
  const { remainingCapacityMah, totalCapacityMah, cycleCount } = m as Record<string, number>;
  return [remainingCapacityMah!, totalCapacityMah!, cycleCount!];
}

function decodeOk(text: string) {
  const sut = decodeRs485Frame(text);
  if (sut.status !== 'ok') {
    throw new Error(`${text} did not decode: ${sut.reason} ${sut.detail}`);
  }
  return sut.frame;
}

describe('RS485 golden vectors', () => {
  it('covers every vector of the fixture', () => {
    expect(fixture.rs485.map((v) => v.id).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const vector of fixture.rs485) {
    const want = expected[vector.id]!;

    it(`${vector.id} decodes to "${vector.meaning}"`, () => {
      const frame = decodeOk(vector.frame);
      expect(frame.adr).toBe(want.adr);
      if ('request' in want) {
        const sut = decodeRs485Request(frame);
        const command = want.request === 'analogGroup' ? 'analogValues' : want.request;
        expect(sut).toMatchObject({ status: 'ok', request: { command, adr: want.adr }, target: want.target });
      } else if ('versionReply' in want) {
        expect({ ver: frame.ver, rtn: frame.cid2, infoLength: frame.info.length }).toEqual({
          ver: want.versionReply,
          rtn: 0,
          infoLength: 0,
        });
      } else {
        expect(frame.cid2).toBe(0);
        const sut = CODECS[want.response].decode(frame.info);
        expect(sut).toEqual({ status: 'ok', value: want.value });
        if (sut.status === 'ok' && want.check) {
          want.check(sut.value as never);
        }
      }
    });

    it(`${vector.id} encodes back to the same text`, () => {
      const frame = decodeOk(vector.frame);
      let sut: string;
      if ('request' in want) {
        const request =
          want.request === 'analogGroup'
            ? groupRequest('analogValues')
            : moduleRequest(want.request, want.adr);
        sut = encodeRs485Request(request);
      } else if ('versionReply' in want) {
        sut = encodeRs485Response({ adr: want.adr, ver: want.versionReply });
      } else {
        const decoded = CODECS[want.response].decode(frame.info);
        if (decoded.status !== 'ok') {
          throw new Error(`vector ${vector.id} did not decode`);
        }
        sut = encodeRs485Response({
          adr: want.adr,
          info: CODECS[want.response].encode(decoded.value as never),
        });
      }
      expect(sut).toBe(vector.frame);
      expect(encodeRs485Frame(frame)).toBe(vector.frame);
    });

    it(`${vector.id} passes the independent checksum check`, () => {
      expect(independentlyValid(vector.frame)).toBe(true);
    });
  }
});

describe('RS485 negative vectors', () => {
  const byId = Object.fromEntries(fixture.rs485Negative.map((v) => [v.id, v.frame]));

  it('R21x (R8 with a wrong CHKSUM) is refused as bad-checksum, by both checks', () => {
    expect(decodeRs485Frame(byId.R21x!)).toMatchObject({ status: 'corrupt', reason: 'bad-checksum' });
    expect(independentlyValid(byId.R21x!)).toBe(false);
  });

  it('R22x (R8 cut off) is refused as truncated, by both checks', () => {
    expect(decodeRs485Frame(byId.R22x!)).toMatchObject({ status: 'corrupt', reason: 'truncated' });
    expect(independentlyValid(byId.R22x!)).toBe(false);
  });

  it('the stream parser reports both and still yields the good frame between them', () => {
    const sut = new Rs485StreamParser();
    const results = sut.push(`${byId.R21x}${byId.R22x}${fixture.rs485[7]!.frame}`);
    expect(results.map((r) => (r.kind === 'frame' ? 'frame' : r.reason))).toEqual([
      'bad-checksum',
      'truncated',
      'frame',
    ]);
  });

  it('a corrupted LCHKSUM nibble is refused as bad-length-checksum', () => {
    const r8 = fixture.rs485[7]!.frame;
    const sut = decodeRs485Frame(`${r8.slice(0, 9)}D${r8.slice(10)}`);
    expect(sut).toMatchObject({ status: 'corrupt', reason: 'bad-length-checksum' });
  });
});
