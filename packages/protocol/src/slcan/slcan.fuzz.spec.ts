import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSlcanLine } from './decode-slcan-line.js';
import { encodeSlcanFrame } from './encode-slcan.js';
import { SlcanLineParser } from './slcan-line-parser.js';

const RUNS = 100_000;
const KINDS = ['frame', 'command', 'ack', 'error', 'corrupt'];

const canFrame = fc.oneof(
  fc.record({
    id: fc.integer({ min: 0, max: 0x1fffffff }),
    extended: fc.constant(true),
    data: fc.uint8Array({ maxLength: 8 }),
  }),
  fc.record({
    id: fc.integer({ min: 0, max: 0x7ff }),
    extended: fc.constant(false),
    data: fc.uint8Array({ maxLength: 8 }),
  }),
);

/** Splits a string at arbitrary points. */
function chunked(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(text.slice(from, p));
    from = p;
  }
  parts.push(text.slice(from));
  return parts;
}

describe('SlcanLineParser under random input', () => {
  // Booleans instead of expect() per run keep 100k runs within the small tier's budget.
  it(`never throws on ${RUNS} arbitrary byte-chunk streams and yields only known kinds`, () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 80 }), { maxLength: 8 }), (chunks) => {
        const sut = new SlcanLineParser();
        for (const chunk of chunks) {
          if (!sut.push(chunk).every((result) => KINDS.includes(result.kind))) {
            return false;
          }
        }
        return sut.pending <= 64;
      }),
      { numRuns: RUNS },
    );
  });

  it(`decodes ${RUNS} arbitrary lines, SLCAN-like or not, to a known kind`, () => {
    const slcanish = fc.stringMatching(/^[tTrRSOCVzZ][0-9A-Fa-f]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), slcanish), (line) =>
        KINDS.includes(decodeSlcanLine(line).kind),
      ),
      { numRuns: RUNS },
    );
  });

  it('recovers every frame of a stream however it is chunked, with garbage lines between', () => {
    fc.assert(
      fc.property(
        fc.array(canFrame, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        // '#' first so a garbage line can never itself be a frame.
        fc.string({ maxLength: 20 }).map((s) => `#${s.replaceAll('\r', '').replaceAll('\x07', '')}`),
        (frames, cuts, garbage) => {
          const text = frames.map((f) => `${garbage}\r${encodeSlcanFrame(f)}`).join('');
          const sut = new SlcanLineParser();
          const decoded = chunked(text, cuts)
            .flatMap((c) => sut.push(c))
            .filter((r) => r.kind === 'frame')
            .map((r) => (r.kind === 'frame' ? r.frame : undefined));
          expect(decoded).toEqual(frames.map((f) => ({ ...f, data: new Uint8Array(f.data) })));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
