// Fuzz: every RS485 decoder gets 100,000 random inputs (seeded, so a failure replays) and must
// return one of its declared kinds without throwing. Half the inputs are mutations of real
// frames, so the deep paths are reached, not only the length checks. Where a decoder accepts
// an input, encoding the result must give the input back (the codecs are lossless).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from '../../test/fixtures/rs485-vectors.json' with { type: 'json' };
import { independentlyValid } from '../../test/rs485-independent-checksum.js';
import { bytesToHex } from '../bytes/hex.js';
import { decodeAlarmInfo44, encodeAlarmInfo44 } from './alarm-info-44.codec.js';
import { decodeAnalogValues42, encodeAnalogValues42 } from './analog-values-42.codec.js';
import { decodeChargeManagement92, encodeChargeManagement92 } from './charge-management-92.codec.js';
import { decodeRs485Frame } from './decode-rs485-frame.js';
import { encodeRs485Frame } from './encode-rs485-frame.js';
import { decodeManufacturerInfo51, encodeManufacturerInfo51 } from './manufacturer-info-51.codec.js';
import {
  decodeRs485Request,
  decodeSetChargeManagement94,
  setChargeManagementRequest,
} from './rs485-request.js';
import { DEFAULT_MAX_RS485_FRAME, Rs485StreamParser } from './rs485-stream-parser.js';
import { decodeSerialNumber93, encodeSerialNumber93 } from './serial-number-93.codec.js';
import { decodeSoftwareVersion96, encodeSoftwareVersion96 } from './software-version-96.codec.js';
import { decodeSystemParameters47, encodeSystemParameters47 } from './system-parameters-47.codec.js';

const RUNS = 100_000;
const REASONS = [
  'bad-checksum',
  'bad-length-checksum',
  'truncated',
  'bad-length',
  'not-hex',
  'missing-soi',
  'too-long',
  'garbage',
];

/** mulberry32: tiny seeded PRNG, so every run sees the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const realFrames = fixture.rs485.map((v) => v.frame);
const realInfos = realFrames.map((f) => {
  const d = decodeRs485Frame(f);
  return d.status === 'ok' ? d.frame.info : new Uint8Array(0);
});

/** Random bytes, or a real INFO with a few bytes changed, cut or extended. */
function randomInfo(rand: () => number): Uint8Array {
  if (rand() < 0.5) {
    return Uint8Array.from({ length: Math.floor(rand() * 96) }, () => Math.floor(rand() * 256));
  }
  const base = realInfos[Math.floor(rand() * realInfos.length)] ?? new Uint8Array(0);
  const out = Array.from(base);
  const edits = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < edits; i += 1) {
    const at = Math.floor(rand() * (out.length + 1));
    const op = rand();
    if (op < 0.6) {
      out[at] = Math.floor(rand() * 256);
    } else if (op < 0.8) {
      out.length = at;
    } else {
      out.splice(at, 0, Math.floor(rand() * 256));
    }
  }
  return Uint8Array.from(out, (b) => b ?? 0);
}

const ALPHABET = '~\r\n0123456789ABCDEFabcdefXYZ ';

/** Random line text, or a real frame with characters changed, cut, or duplicated. */
function randomText(rand: () => number): string {
  if (rand() < 0.4) {
    return Array.from(
      { length: Math.floor(rand() * 64) },
      () => ALPHABET[Math.floor(rand() * ALPHABET.length)],
    ).join('');
  }
  const base = realFrames[Math.floor(rand() * realFrames.length)] ?? '';
  const at = Math.floor(rand() * base.length);
  const op = rand();
  if (op < 0.5) {
    return base.slice(0, at) + ALPHABET[Math.floor(rand() * ALPHABET.length)] + base.slice(at + 1);
  }
  if (op < 0.8) {
    return base.slice(0, at);
  }
  return base.slice(0, at) + base.slice(at / 2);
}

const INFO_CODECS = {
  '0x42': { decode: (i: Uint8Array) => decodeAnalogValues42(i), encode: encodeAnalogValues42 },
  '0x44': { decode: decodeAlarmInfo44, encode: encodeAlarmInfo44 },
  '0x47': { decode: decodeSystemParameters47, encode: encodeSystemParameters47 },
  '0x51': { decode: decodeManufacturerInfo51, encode: encodeManufacturerInfo51 },
  '0x92': { decode: decodeChargeManagement92, encode: encodeChargeManagement92 },
  '0x93': { decode: decodeSerialNumber93, encode: encodeSerialNumber93 },
  '0x96': { decode: decodeSoftwareVersion96, encode: encodeSoftwareVersion96 },
  '0x94': {
    decode: decodeSetChargeManagement94,
    encode: (v: Parameters<typeof setChargeManagementRequest>[0]) => setChargeManagementRequest(v).info,
  },
} as const;

describe('RS485 INFO decoders under 100,000 random inputs', () => {
  for (const [name, codec] of Object.entries(INFO_CODECS)) {
    it(`${name}: ok or corrupt, never a throw; accepted INFO re-encodes to the same bytes`, () => {
      const rand = prng(0x42 + name.length * 7919 + name.charCodeAt(3));
      let accepted = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const info = randomInfo(rand);
        const sut = codec.decode(info);
        if (sut.status === 'ok') {
          accepted += 1;
          const again = (codec.encode as (v: unknown) => Uint8Array)(sut.value);
          if (bytesToHex(again) !== bytesToHex(info)) {
            expect(bytesToHex(again)).toBe(bytesToHex(info));
          }
        } else if (sut.status !== 'corrupt' || typeof sut.reason !== 'string') {
          expect.unreachable(`unexpected result ${JSON.stringify(sut)}`);
        }
      }
      // The mutated real frames must reach the accepting path, or the test proves little.
      expect(accepted).toBeGreaterThan(0);
    });
  }
});

describe('RS485 frame decoder under 100,000 random inputs', () => {
  it('returns ok or a known reason; ok frames re-encode and pass the independent check', () => {
    const rand = prng(7);
    for (let run = 0; run < RUNS; run += 1) {
      const text = randomText(rand);
      const sut = decodeRs485Frame(text);
      if (sut.status === 'ok') {
        if (!independentlyValid(text)) {
          expect.unreachable(`${text} accepted but fails the independent check`);
        }
        if (text === text.toUpperCase() && encodeRs485Frame(sut.frame) !== `${text.replace(/\r$/, '')}\r`) {
          expect(encodeRs485Frame(sut.frame)).toBe(text);
        }
      } else if (!REASONS.includes(sut.reason)) {
        expect.unreachable(`unknown reason ${sut.reason}`);
      }
    }
  });

  it('request decoding of any accepted frame is ok, corrupt or unknown', () => {
    const rand = prng(11);
    for (let run = 0; run < RUNS; run += 1) {
      const frame = {
        ver: Math.floor(rand() * 256),
        adr: Math.floor(rand() * 256),
        cid1: rand() < 0.8 ? 0x46 : Math.floor(rand() * 256),
        cid2: Math.floor(rand() * 256),
        info: randomInfo(rand),
      };
      const sut = decodeRs485Request(frame);
      if (!['ok', 'corrupt', 'unknown'].includes(sut.status)) {
        expect.unreachable(`unexpected result ${JSON.stringify(sut)}`);
      }
    }
  });

  it('agrees with the independent check on every encoder frame and every one-character change of it', () => {
    fc.assert(
      fc.property(
        fc.record({
          ver: fc.nat(255),
          adr: fc.nat(255),
          cid1: fc.nat(255),
          cid2: fc.nat(255),
          info: fc.uint8Array({ maxLength: 200 }),
        }),
        fc.nat(),
        fc.constantFrom(...'0123456789ABCDEF'),
        (frame, where, digit) => {
          const text = encodeRs485Frame(frame);
          expect([decodeRs485Frame(text).status, independentlyValid(text)]).toEqual(['ok', true]);
          const at = 1 + (where % (text.length - 2));
          if (text[at] === digit) {
            return;
          }
          const changed = text.slice(0, at) + digit + text.slice(at + 1);
          expect([decodeRs485Frame(changed).status, independentlyValid(changed)]).toEqual(['corrupt', false]);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('RS485 stream parser under 100,000 random chunks', () => {
  it('never throws, yields only declared kinds and keeps its buffer bounded', () => {
    const rand = prng(99);
    const sut = new Rs485StreamParser();
    for (let run = 0; run < RUNS; run += 1) {
      for (const result of sut.push(randomText(rand))) {
        if (result.kind === 'corrupt' ? !REASONS.includes(result.reason) : result.kind !== 'frame') {
          expect.unreachable(`unexpected result ${JSON.stringify(result)}`);
        }
      }
      if (sut.pending > DEFAULT_MAX_RS485_FRAME + 40) {
        expect(sut.pending).toBeLessThanOrEqual(DEFAULT_MAX_RS485_FRAME + 40);
      }
    }
  });

  it('recovers every frame however the stream is cut, with noise between frames', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...realFrames), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.string({ maxLength: 12 }).map((s) => s.replace(/[~\r]/g, '')),
        (frames, cuts, noise) => {
          const text = frames.map((f) => `${noise}${f}\n`).join('');
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const sut = new Rs485StreamParser();
          const results = [0, ...points].flatMap((from, i) =>
            sut.push(text.slice(from, points[i] ?? text.length)),
          );
          const decoded = results.flatMap((r) => (r.kind === 'frame' ? [encodeRs485Frame(r.frame)] : []));
          expect(decoded).toEqual(frames);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
