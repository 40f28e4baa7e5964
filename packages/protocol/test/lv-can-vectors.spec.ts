// Golden vectors L1–L18 of the protocol reference (§2.3), asserted in both directions:
// bytes → the documented values, and the decoded message → the same bytes.
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/bytes/hex.js';
import { decodeLvCanFrame } from '../src/lv-can/decode-lv-can-frame.js';
import { encodeLvCanFrame } from '../src/lv-can/encode-lv-can-frame.js';
import fixture from './fixtures/lv-can-vectors.json' with { type: 'json' };

const noFlags = { protectionRaw: 0, alarmRaw: 0, systemError: false, internalCommFailure: false };

/** The documented meaning of each vector, in our field names and integer units. */
const expected: Record<string, Record<string, unknown>> = {
  L1: {
    type: '351',
    chargeVoltageLimitDv: 532,
    chargeCurrentLimitDa: 3700,
    dischargeCurrentLimitDa: 3700,
    dischargeVoltageLimitDv: 460,
  },
  L2: { type: '355', socPct: 26, sohPct: 100, extraRaw: null },
  L3: { type: '356', batteryVoltageCv: 4866, batteryCurrentDa: 0, batteryTempDc: 330 },
  L4: { type: '359', ...noFlags, moduleCount: 10, marker: 'PN', markerRaw: 0x4e50 },
  L5: {
    type: '35C',
    chargeEnable: true,
    dischargeEnable: true,
    forceChargeI: false,
    forceChargeII: false,
    fullChargeRequest: false,
  },
  L6: { type: '35E', text: 'PYLON   ' },
  L7: {
    type: '351',
    chargeVoltageLimitDv: 532,
    chargeCurrentLimitDa: 4800,
    dischargeCurrentLimitDa: 4800,
    dischargeVoltageLimitDv: 450,
  },
  L8: { type: '355', socPct: 88, sohPct: 94, extraRaw: null },
  L9: { type: '356', batteryVoltageCv: 4986, batteryCurrentDa: -270, batteryTempDc: 363 },
  L10: { type: '359', ...noFlags, moduleCount: 6, marker: 'PN' },
  L11: {
    type: '351',
    chargeVoltageLimitDv: 528,
    chargeCurrentLimitDa: 4800,
    dischargeCurrentLimitDa: 4800,
    dischargeVoltageLimitDv: 450,
  },
  L12: { type: '355', socPct: 84, sohPct: 96, extraRaw: 0 },
  L13: { type: '356', batteryVoltageCv: 4987, batteryCurrentDa: -279, batteryTempDc: 363 },
  L14: { type: '35A', dataHex: '0000000000000000' },
  // Meaning unknown (§2.1): the bytes are the message.
  L15: { type: '35F', dataHex: '4C4901033C02AA00' },
  L16: {
    type: '351',
    chargeVoltageLimitDv: 552,
    chargeCurrentLimitDa: 500,
    dischargeCurrentLimitDa: 800,
    dischargeVoltageLimitDv: 480,
  },
  L17: { type: '356', batteryVoltageCv: 5228, batteryCurrentDa: 4, batteryTempDc: 220 },
  L18: { type: '355', socPct: 60, sohPct: 100, extraRaw: null },
};

describe('LV CAN golden vectors', () => {
  it('covers every vector of the fixture', () => {
    expect(fixture.lvCan.map((v) => v.id).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const vector of fixture.lvCan) {
    const frame = { id: Number(vector.canId), extended: vector.extended, data: hexToBytes(vector.dataHex)! };

    it(`${vector.id} decodes to "${vector.meaning}"`, () => {
      expect(decodeLvCanFrame(frame)).toMatchObject({ status: 'ok', message: expected[vector.id] });
    });

    it(`${vector.id} encodes back to ${vector.dataHex}`, () => {
      const decoded = decodeLvCanFrame(frame);
      if (decoded.status !== 'ok') {
        throw new Error(`vector ${vector.id} did not decode`);
      }
      const sut = encodeLvCanFrame(decoded.message);
      expect({ id: sut.id, extended: sut.extended, data: bytesToHex(sut.data) }).toEqual({
        id: frame.id,
        extended: false,
        data: vector.dataHex,
      });
    });
  }
});
