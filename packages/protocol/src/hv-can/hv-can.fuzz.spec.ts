// Property tests: decoders are total (never throw, always a known status) on arbitrary input,
// and the lossless codecs round-trip every 8-byte payload.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHvCanFrame } from './decode-hv-can-frame.js';
import { HV_CAN_CODECS } from './hv-can-codecs.table.js';
import type { HvCanMessageType } from './hv-can-message.js';

const RUNS = 10_000;
const payload = fc.uint8Array({ minLength: 0, maxLength: 12 });

/** Codecs whose message keeps every byte, so encode(decode(x)) must equal x. */
const LOSSLESS: HvCanMessageType[] = ['4210', '4220', '4230', '4240', '4250', '4260', '4270', '7320'];

describe('HV CAN decoders never throw', () => {
  for (const [type, codec] of Object.entries(HV_CAN_CODECS)) {
    it(`0x${type}: any payload decodes to ok (8 bytes) or corrupt (other lengths)`, () => {
      fc.assert(
        fc.property(payload, (data) => {
          const sut = codec.decode(data);
          expect(sut.status).toBe(data.length === 8 ? 'ok' : 'corrupt');
        }),
        { numRuns: RUNS },
      );
    });
  }

  for (const type of LOSSLESS) {
    it(`0x${type}: encode(decode(bytes)) returns the same bytes`, () => {
      const codec = HV_CAN_CODECS[type] as { decode(d: Uint8Array): { status: string; value?: unknown } } & {
        encode(v: unknown): Uint8Array;
      };
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (data) => {
          const decoded = codec.decode(data);
          expect(codec.encode(decoded.value)).toEqual(data);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('the dispatcher returns ok, corrupt or unknown for any frame', () => {
    const frame = fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 0x1fffffff }), fc.integer({ min: 0x4200, max: 0x73ff })),
      extended: fc.boolean(),
      data: payload,
    });
    fc.assert(
      fc.property(frame, (f) => {
        const sut = decodeHvCanFrame(f);
        expect(['ok', 'corrupt', 'unknown']).toContain(sut.status);
        if (sut.status === 'ok') {
          expect(f.extended && f.data.length === 8).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
