// Golden vectors H1–H8 of the protocol reference (§1.5), asserted in both directions:
// bytes → the documented values, and the decoded message → the same bytes.
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../src/bytes/hex.js';
import { decodeHvCanFrame } from '../src/hv-can/decode-hv-can-frame.js';
import { encodeHvCanFrame } from '../src/hv-can/encode-hv-can-frame.js';
import fixture from './fixtures/hv-can-vectors.json' with { type: 'json' };

/** The documented meaning of each vector, in our field names and integer units. */
const expected: Record<string, { address: number | null; message: Record<string, unknown> }> = {
  H1: { address: null, message: { type: '4200', kind: 'system', requestCode: 2 } },
  H2: {
    address: 0,
    message: {
      type: '7320',
      totalCells: 45,
      moduleCount: 3,
      cellsPerModule: 15,
      nominalVoltageV: 144,
      capacityAh: 50,
    },
  },
  H3: {
    address: 0,
    message: { type: '4210', packVoltageDv: 2469, packCurrentDa: 0, bmsTempDc: 181, socPct: 46, sohPct: 100 },
  },
  H4: {
    address: 0,
    message: {
      type: '4220',
      chargeCutoffDv: 2700,
      dischargeCutoffDv: 2025,
      chargeLimitDa: 1050,
      // 0x794A = 31050: 105.0 A only under the "positive offset" convention (§1.4.2 ⚠).
      dischargeLimitDa: 1050,
      dischargeLimitRaw: 0x794a,
      dischargeLimitConvention: 'positive',
    },
  },
  H5: { address: 0, message: { type: '4230', cellMaxMv: 3295, cellMinMv: 3290, cellMaxNo: 3, cellMinNo: 6 } },
  H6: {
    address: 0,
    message: { type: '4240', cellTempMaxDc: 150, cellTempMinDc: 122, cellTempMaxNo: 17, cellTempMinNo: 3 },
  },
  H7: {
    address: 0,
    message: {
      type: '7310',
      hardwareType: 1,
      hardwareMajor: 2,
      hardwareMinor: 1,
      softwareMajor: 1,
      softwareMinor: 2,
      softwareDevMajor: 0,
      softwareDevMinor: 0,
    },
  },
  H8: { address: 0, message: { type: '4280', chargeForbidden: false, dischargeForbidden: false } },
  H8b: { address: 0, message: { type: '4280', chargeForbidden: true, dischargeForbidden: true } },
};

describe('HV CAN golden vectors', () => {
  it('covers every vector of the fixture', () => {
    expect(fixture.hvCan.map((v) => v.id).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const vector of fixture.hvCan) {
    const frame = { id: Number(vector.canId), extended: vector.extended, data: hexToBytes(vector.dataHex)! };
    const want = expected[vector.id]!;

    it(`${vector.id} decodes to "${vector.meaning}"`, () => {
      const sut = decodeHvCanFrame(frame);
      expect(sut).toMatchObject({ status: 'ok', address: want.address, message: want.message });
    });

    it(`${vector.id} encodes back to ${vector.dataHex}`, () => {
      const decoded = decodeHvCanFrame(frame);
      if (decoded.status !== 'ok') {
        throw new Error(`vector ${vector.id} did not decode`);
      }
      const sut = encodeHvCanFrame(decoded.message, decoded.address ?? 0);
      expect({ id: sut.id, extended: sut.extended, data: bytesToHex(sut.data) }).toEqual({
        id: frame.id,
        extended: true,
        data: vector.dataHex,
      });
    });
  }
});
