// Property tests for the LV CAN codecs and dispatcher: 100,000 arbitrary inputs each, never a
// throw, always a declared status, `ok` exactly for the documented lengths; lossless codecs
// round-trip. Properties return booleans to stay within the small tier's time budget.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeLvCanFrame } from './decode-lv-can-frame.js';
import { LV_CAN_CODECS } from './lv-can-codecs.table.js';
import type { LvCanMessageType } from './lv-can-message.js';

const RUNS = 100_000;
const payload = fc.uint8Array({ minLength: 0, maxLength: 12 });
const ANY_CLASSIC = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/** DLCs each codec accepts (protocol reference §2.2; raw messages take any classic DLC). */
const LENGTHS: Record<LvCanMessageType, number[]> = {
  '305': ANY_CLASSIC,
  '351': [6, 8],
  '355': [4, 6],
  '356': [6],
  '359': [7],
  '35A': ANY_CLASSIC,
  '35C': [2],
  '35E': [8],
  '35F': ANY_CLASSIC,
};

/** 0x35E is left out: non-printable bytes become U+FFFD by design. */
const LOSSLESS: LvCanMessageType[] = ['305', '351', '355', '356', '359', '35A', '35C', '35F'];

type AnyCodec = {
  decode(d: Uint8Array): { status: string; value?: unknown };
  encode(v: unknown): Uint8Array;
};

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('LV CAN codecs never throw', () => {
  for (const [type, codec] of Object.entries(LV_CAN_CODECS) as [LvCanMessageType, AnyCodec][]) {
    it(`0x${type}: ${RUNS} payloads decode to ok (documented lengths) or corrupt`, () => {
      fc.assert(
        fc.property(payload, (data) => {
          const status = codec.decode(data).status;
          return status === (LENGTHS[type].includes(data.length) ? 'ok' : 'corrupt');
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const type of LOSSLESS) {
    it(`0x${type}: encode(decode(bytes)) returns the same bytes`, () => {
      const codec = LV_CAN_CODECS[type] as AnyCodec;
      const data = fc
        .constantFrom(...LENGTHS[type])
        .chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
      fc.assert(
        fc.property(data, (d) => sameBytes(codec.encode(codec.decode(d).value), d)),
        { numRuns: 10_000 },
      );
    });
  }
});

describe('decodeLvCanFrame never throws', () => {
  it(`returns ok, corrupt or unknown for ${RUNS} frames, ok only for standard ids`, () => {
    const frame = fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 0x1fffffff }), fc.integer({ min: 0x300, max: 0x36f })),
      extended: fc.boolean(),
      data: payload,
    });
    fc.assert(
      fc.property(frame, (f) => {
        const sut = decodeLvCanFrame(f);
        if (sut.status === 'ok') {
          return !f.extended && f.data.length <= 8;
        }
        return sut.status === 'corrupt' || sut.status === 'unknown';
      }),
      { numRuns: RUNS },
    );
  });
});
