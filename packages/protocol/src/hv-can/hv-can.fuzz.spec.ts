// Property tests: decoders are total (never throw, never hang, always a declared status) on
// 100,000 arbitrary inputs each, and the lossless codecs round-trip every 8-byte payload.
// Properties return booleans instead of calling expect() per run: that keeps 100k runs per
// decoder within the small tier's budget; fast-check still reports the failing input.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { decodeHvCanFrame } from './decode-hv-can-frame.js';
import { HV_CAN_CODECS } from './hv-can-codecs.table.js';
import type { HvCanMessageType } from './hv-can-message.js';

const RUNS = 100_000;
const payload = fc.uint8Array({ minLength: 0, maxLength: 12 });

/** Codecs whose message keeps every byte, so encode(decode(x)) must equal x. */
const LOSSLESS: HvCanMessageType[] = ['4210', '4220', '4230', '4240', '4250', '4260', '4270', '7320', '8240'];

type AnyCodec = {
  decode(d: Uint8Array): { status: string; value?: unknown };
  encode(v: unknown): Uint8Array;
};

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('HV CAN codecs never throw', () => {
  for (const [type, codec] of Object.entries(HV_CAN_CODECS) as [string, AnyCodec][]) {
    it(`0x${type}: ${RUNS} payloads decode to ok (8 bytes) or corrupt (other lengths)`, () => {
      fc.assert(
        fc.property(payload, (data) => codec.decode(data).status === (data.length === 8 ? 'ok' : 'corrupt')),
        { numRuns: RUNS },
      );
    });
  }

  for (const type of LOSSLESS) {
    it(`0x${type}: encode(decode(bytes)) returns the same bytes`, () => {
      const codec = HV_CAN_CODECS[type] as AnyCodec;
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (data) =>
          sameBytes(codec.encode(codec.decode(data).value), data),
        ),
        { numRuns: 10_000 },
      );
    });
  }
});

describe('decodeHvCanFrame never throws', () => {
  it(`returns ok, corrupt or unknown for ${RUNS} frames, ok only for extended 8-byte frames`, () => {
    const frame = fc.record({
      id: fc.oneof(
        fc.integer({ min: 0, max: 0x1fffffff }),
        fc.integer({ min: 0x4200, max: 0x73ff }),
        fc.integer({ min: 0x8200, max: 0x825f }),
      ),
      extended: fc.boolean(),
      data: payload,
    });
    fc.assert(
      fc.property(frame, (f) => {
        const sut = decodeHvCanFrame(f);
        if (sut.status === 'ok') {
          return f.extended && f.data.length === 8;
        }
        return sut.status === 'corrupt' || sut.status === 'unknown';
      }),
      { numRuns: RUNS },
    );
  });
});
